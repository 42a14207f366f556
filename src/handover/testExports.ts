// Test-only barrel: the archive, redaction and signing internals for test/unit/*.test.mjs. Never packaged.
export { redactSecrets, redactDeep, isSecretKeyName } from '../util/redact.js';
export { signHandover, verifyHandover, loadOrCreateKey, SigningKeyError } from './sign.js';
export { archiveLog, ArchiveError, describeFsError } from './archive.js';
export { readFileSafe, readFileSafeSync, UnsafeReadError } from '../util/safeRead.js';
