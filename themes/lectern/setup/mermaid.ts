import { defineMermaidSetup } from '@slidev/types'

// Diagrams in the theme's colours and fonts. securityLevel 'strict' keeps labels as text
// (no HTML, no click handlers); Mermaid does not let a diagram's own directives loosen it.
export default defineMermaidSetup(() => ({
  securityLevel: 'strict',
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
  flowchart: { htmlLabels: true, nodeSpacing: 28, rankSpacing: 44, padding: 10, useMaxWidth: true },
  block: { useMaxWidth: true },
}))
