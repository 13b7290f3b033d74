/**
 * English words the dialect transforms must recognise (one module per language; add another
 * beside it). Only labels that notes apps and their users write for metadata and navigation.
 */

/** Labels of metadata lines ("Created: 2024-03-01", "Tags: …"): notes, never slides. */
export const METADATA_LABELS = ['created', 'updated', 'last updated', 'modified', 'last modified', 'date created', 'tags', 'sources', 'source', 'reviewed']

/** Whole-line navigation links' text ("Back to Top", "↑ top"), arrows and brackets removed. */
export const NAVIGATION_TEXT = /^(?:back(?: to)?(?: (?:the )?top)?|(?:go |return |jump )?(?:to )?(?:the )?top|top of (?:the )?page|contents|table of contents|toc|home)$/i
