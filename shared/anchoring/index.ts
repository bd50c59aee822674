export { describe, CONTEXT_CHARS, type PassageSelectors, type TextPositionSelector, type TextQuoteSelector } from './selectors';
export { anchor, newTextRegions, wordDiff, similarity, type AnchorMethod, type AnchorOptions, type AnchorResult, type AnchorStatus, type DiffPart } from './anchor';
