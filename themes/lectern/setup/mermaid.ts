import { defineMermaidSetup } from '@slidev/types'

// Diagrams in the theme's colours and fonts. Labels are SVG text, never HTML: securityLevel
// 'strict' (no click handlers, no scripts) and htmlLabels off, so a label's `<img src=…>` is not
// an image. Note: Mermaid lets a diagram's `%%{init}%%` or frontmatter change any key not listed
// in `secure`; the HTML-label and sanitizer keys are listed so an authored diagram cannot turn
// HTML back on. (The deck's Content-Security-Policy blocks outside requests in any case.)
const SECURE = ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges']

export default defineMermaidSetup(() => ({
  securityLevel: 'strict',
  secure: [...SECURE, 'htmlLabels', 'flowchart', 'class', 'dompurifyConfig', 'themeCSS'],
  htmlLabels: false,
  // SVG edge labels sit on a half-transparent box by default: the line would cross the text.
  themeCSS: '.edgeLabel rect { opacity: 1 !important; }',
  theme: 'base',
  fontFamily: 'Inter, ui-sans-serif, system-ui, sans-serif',
  themeVariables: {
    fontSize: '16px',
    primaryColor: '#fdf1e7',
    primaryBorderColor: '#c2410c',
    primaryTextColor: '#1f2430',
    lineColor: '#5b6272',
    secondaryColor: '#e6f4f1',
    tertiaryColor: '#f6f3ec',
    clusterBkg: '#f6f3ec',
    clusterBorder: '#d6cfc0',
    edgeLabelBackground: '#fbfaf6',
  },
  flowchart: { htmlLabels: false, nodeSpacing: 28, rankSpacing: 44, padding: 10, useMaxWidth: true },
  block: { useMaxWidth: true },
}))
