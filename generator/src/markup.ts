import { SHORTCODE, emojiOf } from './dialects/emoji.js'

/**
 * The kinds of notes-app markup a viewer could see raw on a slide, each as the shape it has in
 * plain text (code spans and math left out: there the characters are meant). A shape must be
 * markup in some notes app and not ordinary writing: a lone `$5`, `a*b`, `C:\Users` or a
 * `<placeholder>` is text.
 */
const MARKUP: Array<{ name: string; shape: RegExp }> = [
  { name: 'emphasis markers', shape: /\*\*\S|\S\*\*|(?<![\p{L}\p{N}])__\S[^]*?\S__(?![\p{L}\p{N}])/u },
  { name: 'highlight', shape: /==(?=\S)[^=\n]+?(?<=\S)==/ },
  { name: 'wiki link', shape: /\[\[[^\]\n]*\]\]/ },
  { name: 'markdown link', shape: /\[[^\]\n]*\]\((?:[^()\s]+)\)/ },
  { name: 'footnote marker', shape: /\[\^[^\]\s]+\]/ },
  { name: 'callout marker', shape: /\[![a-z]+\]/i },
  { name: 'task box', shape: /^\s*\[[ xX]\]\s/ },
  { name: 'tag', shape: /(?:^|\s)#\p{L}[\p{L}\p{N}_/-]*(?=\s|$)/u },
  { name: 'property', shape: /(?:^|\s)[\p{L}][\p{L}\p{N}_-]*::(?:\s|$)/u },
  // A notes-app macro (`{{embed …}}`, `{{video …}}`), not template syntax a note is about (`{{ .Values }}`).
  { name: 'template braces', shape: /\{\{[a-z][\w-]*(?:[\s:}]|$)/i },
  { name: 'html tag', shape: /<\/[a-z][\w-]*\s*>|<br\s*\/?>|<[a-z][\w-]*\s+[\w-]+\s*=/i },
  { name: 'html entity', shape: /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i },
  { name: 'escaped punctuation', shape: /\\[*_`#[\]()<>|~$=!{}]/ },
  { name: 'raw math', shape: /\$[^$\s](?:[^$]*?[\\^_{}][^$]*?)\$/ },
  { name: 'heading marker', shape: /^#{1,6}\s/ },
]

/**
 * What raw markup a line of slide text shows ("emoji shortcode", "wiki link", …), or undefined.
 * `text` is what the viewer reads, without its code spans and math.
 */
export function rawMarkup(text: string): string | undefined {
  for (const { name, shape } of MARKUP) if (shape.test(text)) return name
  SHORTCODE.lastIndex = 0
  for (const match of text.matchAll(SHORTCODE)) if (emojiOf(match[1])) return 'emoji shortcode'
  return undefined
}
