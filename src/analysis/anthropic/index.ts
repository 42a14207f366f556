// The Anthropic sub-agent analysts: the builder calls analyzeWithAnthropic when --analyzer anthropic.
export { analyzeWithAnthropic, DEFAULT_DEADLINE_MS, DEFAULT_MAX_TURNS, DEFAULT_MAX_OUTPUT_TOKENS } from './analyzeWithAnthropic.js';
export type { AnthropicAnalysisOptions, AnthropicAnalysis } from './analyzeWithAnthropic.js';
export { DEFAULT_ANTHROPIC_MODEL, estimateCostUsd, pricesFor } from './pricing.js';
export { TOOL_DEFINITIONS, runTool } from './tools.js';
export { loadLogTable } from './logTable.js';
export { keyTerms, citationHolds } from './citations.js';
export { ANALYSTS, ANALYST_INSTRUCTIONS, SYSTEM_PROMPT } from './prompt.js';
export { analyzeWithAnthropicFromEnv, ANTHROPIC_ENV } from './fromEnv.js';
export type { ModelAnalyzerInput } from './fromEnv.js';
