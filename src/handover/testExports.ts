// Test-only barrel: the archive, redaction and signing internals for test/unit/*.test.mjs. Never packaged.
export { redactSecrets, redactDeep, isSecretKeyName, redactSecretsUnfiltered } from '../util/redact.js';
export { signHandover, verifyHandover, loadOrCreateKey, SigningKeyError } from './sign.js';
export { archiveLog, ArchiveError, describeFsError } from './archive.js';
export { carryForward, ownItems } from './chain.js';
export { renderCarriedSection, insertCarriedSection, CARRIED_HEADING } from './chainPrompt.js';
export { recordLaunch, findLaunch, claimLaunch, LAUNCH_MATCH_MS } from './chainLaunch.js';
export { loadChain, chainSessionIds } from './chainWalk.js';
export { readFileSafe, readFileSafeSync, UnsafeReadError } from '../util/safeRead.js';
export { renderResumePrompt } from './resumePrompt.js';
