import { readFileSync } from 'node:fs';
import { REPO_ROOT } from './bundleForNode';

export interface XssVector {
  id: number;
  category: string;
  html: string;
}

const FIXTURES = `${REPO_ROOT}/tests/fixtures/hostile`;

export function loadXssVectors(): XssVector[] {
  return (JSON.parse(readFileSync(`${FIXTURES}/xss-vectors.json`, 'utf8')) as { vectors: XssVector[] }).vectors;
}

/** Fills a vector's placeholders: its script marks the page with its id; its URLs point at the probe server. */
export function expandVector(vector: XssVector, probeBase: string): string {
  return vector.html
    .replaceAll('{{JS}}', `document.documentElement.dataset.xss=${vector.id}`)
    .replaceAll('{{URL}}', `${probeBase}/v${vector.id}`)
    .replaceAll('{{N}}', String(vector.id));
}

export function loadNetworkProbePage(probeBase: string): string {
  return readFileSync(`${FIXTURES}/network-probe.html`, 'utf8').replaceAll('{{PROBE}}', probeBase);
}
