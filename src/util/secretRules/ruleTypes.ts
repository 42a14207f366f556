// The shape of a secret-detection rule, as gitleaks defines it (and our own context rules reuse).

export interface SecretAllowlist {
  /** What the allowlist regexes test: the secret (default), the whole match or the line. */
  readonly target: string;
  /** "AND": regexes and stopwords must both hold; otherwise either allows the finding. */
  readonly condition?: string;
  readonly regexes: readonly string[];
  /** Lower-case words: a secret containing one is not a secret. */
  readonly stopwords: readonly string[];
}

export interface SecretRule {
  /** The rule id; the redaction marker names it (`[REDACTED:github-pat]`). */
  readonly id: string;
  /** JavaScript regex source (no flags). */
  readonly regex: string;
  /** Lower-case words one of which must occur in the text for the rule to run (none: always runs). */
  readonly keywords: readonly string[];
  /** Minimum Shannon entropy (bits per character) of the secret. */
  readonly entropy?: number;
  /** Which capture group is the secret (default: the first group that took part, else the match). */
  readonly secretGroup?: number;
  readonly allowlists?: readonly SecretAllowlist[];
}
