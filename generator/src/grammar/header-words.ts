/**
 * English words a list's lead-in counts with when it gives no number ("a few methods:",
 * "several stages:"), read by plan/header.ts to name a table's first column. One module per
 * language, beside grammar/en.ts.
 */
export const LEAD_QUANTIFIERS = ['a few', 'a couple of', 'several', 'many', 'various', 'some', 'the following', 'these', 'multiple', 'different']
