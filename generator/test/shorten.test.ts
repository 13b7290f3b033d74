import { describe, expect, it } from 'vitest'
import { shortenByGrammar } from '../src/plan/shorten.js'
import { rankSentences } from '../src/plan/point.js'
import { sentences, runsText } from '../src/text.js'

const shorten = (text: string, max = 12): string => runsText(shortenByGrammar([{ text }], max))

describe('shortenByGrammar deletes whole optional parts', () => {
  it.each([
    ['an example list (biology)', 'Hormones such as insulin and glucagon regulate the level of sugar in the blood of mammals.', 'Hormones regulate the level of sugar in the blood of mammals.'],
    ['an appositive (biology)', 'The pancreas, a gland behind the stomach, makes insulin and releases it into the blood after meals.', 'The pancreas makes insulin and releases it into the blood after meals.'],
    ['a leading reason (computing)', 'Because each guest carries a complete kernel, you can run two different systems side by side on one host.', 'You can run two different systems side by side on one host.'],
    ['a non-restrictive which-clause (biology)', 'Mitochondria produce most of the energy of a cell, which is why they are called the powerhouse of the cell.', 'Mitochondria produce most of the energy of a cell.'],
    ['a leading discourse marker (history)', 'However, the web of treaties turned a local quarrel in the Balkans into a general war among the powers.', 'The web of treaties turned a local quarrel in the Balkans into a general war among the powers.'],
    ['a parenthetical without numbers (law)', 'The appeal court (the second instance in most systems) reviews how the first court applied the law to the facts.', 'The appeal court reviews how the first court applied the law to the facts.'],
  ])('drops %s', (_label, input, expected) => {
    expect(shorten(input)).toBe(expected)
  })

  it.each([
    ['a number in a parenthetical (networking)', 'Two interfaces down lowers the router priority by ten points in every case (priority becomes 90) for the whole group.'],
    ['a version glued to a word (networking)', 'Routers that run firmware older than release 12.0(9) must be upgraded before the new protocol is switched on.'],
    ['one half of a contrast (economics)', 'Demand for bread barely moves when its price rises, whereas demand for restaurant meals falls sharply after any increase.'],
    ['a negation in a relative clause (law)', 'The contract binds both parties from the day of signing, which does not depend on any later registration with the court.'],
    ['a condition (economics)', 'If the central bank raises interest rates, households borrow less and spend less on durable goods over the next year.'],
    ['a restrictive "since" (psychology)', 'Sleep pressure grows with how long it has been since you last slept and with how hard the brain has worked.'],
    ['a number inside code in a parenthetical (databases)', 'The two rows with the top salary (`10000`) share the first rank in the output, and the next row gets the third rank.'],
    ['a sentence in another language (German)', 'Eine Zufallsvariable ordnet jedem Ergebnis eines Zufallsexperiments eine reelle Zahl zu, und zwar eindeutig für jedes Ergebnis.'],
  ])('keeps %s, so the sentence stays whole', (_label, input) => {
    expect(shorten(input)).toBe(input)
  })

  it.each([
    'The hypervisor sits between the hardware and the guests and hands each guest a slice of the processor and memory it needs.',
    'Photosynthesis turns light energy into chemical energy stored in glucose, and the oxygen it releases comes from split water molecules.',
  ])('never cuts a sentence it cannot shorten by grammar: %j', (input) => {
    const out = shorten(input)
    expect(out).toBe(input)
    expect(out).not.toMatch(/…$/)
  })
})

describe('a deletion never takes what the rest of the sentence needs (the garble class)', () => {
  it.each([
    [
      '"for example," before the main clause keeps its subject (networking)',
      'If the cable between the two switches breaks for example, the backup link will not start until the timer runs out.',
      'If the cable between the two switches breaks, the backup link will not start until the timer runs out.',
    ],
    [
      '", for instance," between a clause and the next keeps one comma (agriculture)',
      'When the river floods in spring, for instance, the farmers along its banks lose most of their crops and their cattle.',
      'When the river floods in spring, the farmers along its banks lose most of their crops and their cattle.',
    ],
    [
      '", for example," between a subject and its verb takes both commas (zoology)',
      'Some mammals, for example, lay eggs instead of giving birth to live young in the usual way of their class.',
      'Some mammals lay eggs instead of giving birth to live young in the usual way of their class.',
    ],
  ])('%s', (_label, input, expected) => {
    expect(shorten(input)).toBe(expected)
  })

  it.each([
    ['a noun after "for example" that is the next clause\'s subject (farming)', 'If there is a drought in the valley for example the farmers will lose most of their crops and their cattle this year.'],
    ['a leading "When …," condition (law)', 'When a tenant stops paying, the landlord may go to court and ask a judge for an order to leave the flat.'],
  ])('keeps %s', (_label, input) => {
    expect(shorten(input)).toBe(input)
  })

  it('keeps the clause that defines a bold term (computing, economics)', () => {
    const runs = [{ text: 'Long jobs at the front cause the ' }, { text: 'convoy effect', strong: true }, { text: ', which makes every short job behind them wait for a long time in the queue.' }]
    expect(runsText(shortenByGrammar(runs, 10))).toBe(runsText(runs))
    const other = [{ text: 'Firms that cut prices face ' }, { text: 'menu costs', strong: true }, { text: ', the cost of printing new price lists and telling every customer about them.' }]
    expect(runsText(shortenByGrammar(other, 10))).toBe(runsText(other))
  })
})

describe('sentences', () => {
  it.each([
    ['Docker vs. Podman is a choice of tools. Both run containers.', ['Docker vs. Podman is a choice of tools.', 'Both run containers.']],
    ['Use a web server, e.g. nginx, in front. Then start it.', ['Use a web server, e.g. nginx, in front.', 'Then start it.']],
    ['Dr. Smith described the syndrome first. It is rare.', ['Dr. Smith described the syndrome first.', 'It is rare.']],
    ['Prices rose. Wages did not.', ['Prices rose.', 'Wages did not.']],
  ])('splits %j after abbreviations only where a sentence ends', (input, expected) => {
    expect(sentences(input)).toEqual(expected)
  })
})

describe('rankSentences (choosing the point)', () => {
  it.each([
    [['Markets clear at one price.', 'For example, apples sell at a dollar.', 'In short, price balances supply and demand.'], 2],
    [['This note collects my lecture notes.', 'The cell membrane controls what enters the cell.'], 1],
    [['Enzymes are proteins that speed up reactions.', 'Maybe they work best warm.'], 0],
    [['The war began in the Balkans.', 'Rule of thumb: alliances turn local wars into general ones.'], 1],
  ])('ranks the point of %j first', (texts, best) => {
    expect(rankSentences(texts)[0]).toBe(best)
  })
})

describe('a deletion never changes the claim (qualifiers, purposes, reasons, spliced clauses)', () => {
  it.each([
    ['a leading frequency qualifier with its comma (law)', 'Sometimes, a landlord is also allowed to raise the rent and change the terms of the lease for every tenant.'],
    ['a leading "Usually," (economics)', 'Usually, prices rise when the central bank prints money faster than the economy grows in real terms over a year.'],
    ['"just before", a precise time (history)', 'The garrison surrendered the fort just before the relief army reached the river crossing on the second night of the siege.'],
    ['"rather than", one half of a contrast (computing)', 'The scheduler hands the processor to the shortest job in the queue rather than to the job that arrived there first.'],
    ['a leading purpose clause (economics)', 'To write output as a function of prices, we can assume that the central bank follows a simple rule for interest rates.'],
    ['a trailing reason the claim needs (biology)', 'Two molecules of carbon dioxide are released twice in this stage, since the same reactions repeat for each half of the sugar.'],
    ['a trailing "as well as", half of a coordination (geology)', 'Glaciers carve deep valleys into the mountains of the north, as well as the long lakes that fill those valleys after the ice melts.'],
    ['a leading time condition (law)', 'Once both parties have signed the contract in front of a notary, either of them can ask the court to enforce its terms.'],
    ['"Now," that joins two clauses (economics)', 'Now, we have written demand as a function of price, we can predict how many loaves the bakery sells at each price.'],
    ['a leading frame that limits the claim (zoology)', 'In these herds, the older females usually lead the group to water and the young males stay at the edge of the group.'],
    ['"In that case," a condition (economics)', 'In that case, the cheaper firm may not win the market because buyers trust the older brand more than the lower price.'],
    ['an alternative in brackets (law)', 'A tenant pays the rent by the month (or by the week) and may leave after giving written notice to the owner of the flat.'],
    ['a condition in brackets (networking)', 'In backup mode, the second router answers every request and checks each user against its own stored list (when the main router is down).'],
    ['"(on average)", a qualifier (biology)', 'The idea was that for every trait the children would be (on average) a blend between the two parents who raised them at home.'],
    ['", which means …", the conclusion (mathematics)', 'By the fixed point theorem the map has a point that it sends to itself, which means the equilibrium of the game exists.'],
  ])('keeps %s', (_label, input) => {
    expect(shorten(input)).toBe(input)
  })

  it.each([
    ['a leading "Then," before a condition (economics)', 'Then, if the price falls below the average cost of each unit, the firm shuts down its plant for good after the season.', 'If the price falls below the average cost of each unit, the firm shuts down its plant for good after the season.'],
    ['a leading "However," before one clause (history)', 'However, the treaty between the two crowns left the border towns without any garrison for almost a whole decade.', 'The treaty between the two crowns left the border towns without any garrison for almost a whole decade.'],
  ])('still drops %s', (_label, input, expected) => {
    expect(shorten(input)).toBe(expected)
  })
})

describe('a deletion never takes a number, a list member or half of a coordination', () => {
  it.each([
    ['a spelled-out number in brackets (history)', 'The archive holds early charters of the town (eighteen of them), royal letters and a few seals from its first mayors.'],
    ['"a dozen" in an appositive (geography)', 'The ferry, a dozen metres long, often sails across the bay to the island twice on every weekday.'],
    ['a relative clause whose second verb follows "and" (physiology)', 'Fatigue is driven by lactate, which builds up during the race, and is removed while we rest after the finish.'],
    ['a relative clause whose second verb follows "and then" (law)', 'The court weighs the written record and the testimony, which together form the evidence, and then decides the case on the law.'],
    ['an example list that is not closed by "and" (medicine)', 'The clinic offers several services to its patients, including blood tests, home visits, physical therapy, troubleshooting, and vaccines for travellers.'],
    ['a first comma inside a list of subjects (astronomy)', 'Roughly eighteen, the sun, the moon and the earth return to the same positions in the sky every time.'],
  ])('keeps %s', (_label, input) => {
    expect(shorten(input, 10)).toBe(input)
  })

  it('keeps a list member between commas after its brackets go (networking)', () => {
    const input = 'Access points serve many roles in a campus, including client access (local mode), branch support (remote mode), security monitoring (monitor mode), troubleshooting (sniffer mode), and bridging between buildings.'
    const out = shorten(input, 10)
    expect(out).toContain('branch support, security monitoring, troubleshooting')
  })
})
