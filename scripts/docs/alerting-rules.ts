import { allCatalogs } from '../../catalogs/all.js';
import { connectionEventRules, prometheusRules } from '../../src/observability/index.js';

function yaml(text: string): string {
  return `\`\`\`yaml\n${text}\`\`\`\n`;
}

/** The Prometheus rules `prometheusRules` writes for the shipped catalogs, as a fenced YAML block. */
export function prometheusRulesBlock(): string {
  return yaml(prometheusRules(allCatalogs));
}

/** The connection-event rules `connectionEventRules` writes for the shipped catalogs, as a fenced YAML block. */
export function connectionEventRulesBlock(): string {
  return yaml(connectionEventRules(allCatalogs));
}
