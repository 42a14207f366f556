// An English user applies a colleague's five-patch series with git am, the tests break, and the model bisects it
// (git bisect start/run), reverts the culprit with git revert --no-edit, fixes the test the revert breaks after trying and
// undoing a helper restored by hand, and leaves npm run size failing (the budget is the colleague's). A git push is
// refused; the user's rule is no history rewriting. Thinking in about half the steps; three /compact.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const FILES = {
  'src/slug.js':
    "// slugify(text, opts) -> lowercase ASCII slug for URLs.\nexport function slugify(text, opts = {}) {\n  const sep = opts.separator ?? '-';\n  let s = String(text).normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();\n  s = s.replace(/[^a-z0-9]+/g, sep);\n  s = s.replace(new RegExp(`^${escape(sep)}+|${escape(sep)}+$`, 'g'), '');\n  return s;\n}\n\nfunction escape(s) {\n  return s.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');\n}\n",
  'test/slug.test.js':
    "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { slugify } from '../src/slug.js';\n\ntest('lowercases and joins words', () => assert.equal(slugify('Hello World'), 'hello-world'));\ntest('strips accents', () => assert.equal(slugify('Crème Brûlée'), 'creme-brulee'));\ntest('collapses runs of separators', () => assert.equal(slugify('a -- b'), 'a-b'));\ntest('trims separators at the ends', () => assert.equal(slugify('  --hi--  '), 'hi'));\ntest('custom separator', () => assert.equal(slugify('Hello World', { separator: '_' }), 'hello_world'));\ntest('keeps digits', () => assert.equal(slugify('Top 10 Tips'), 'top-10-tips'));\n",
  'package.json':
    '{\n  "name": "tidy-slug",\n  "version": "0.3.0",\n  "type": "module",\n  "main": "src/slug.js",\n  "scripts": { "test": "node --test", "size": "node scripts/size-check.js" }\n}\n',
  'scripts/size-check.js':
    "// Fails when src/ grows past the byte budget the docs site inlines.\nimport { readdirSync, statSync } from 'node:fs';\nconst BUDGET = 600;\nconst bytes = readdirSync('src').reduce((n, f) => n + statSync(`src/${f}`).size, 0);\nif (bytes > BUDGET) {\n  console.error(`size-check: src/ is ${bytes} bytes, budget ${BUDGET}`);\n  process.exit(1);\n}\nconsole.log(`size-check: src/ is ${bytes} bytes (budget ${BUDGET})`);\n",
  'README.md': '# tidy-slug\n\n`slugify(text, { separator })` for URL slugs.\n\n    npm test\n    npm run size\n',
  '.gitignore': 'node_modules/\n',
  'patches/0001-slug-add-maxLength-option.patch':
    "From 0c4416aaec3e54515c366ee5093fce207ed66812 Mon Sep 17 00:00:00 2001\nFrom: Dana Whitfield <dana@example.org>\nDate: Mon, 12 May 2025 10:00:00 +0100\nSubject: [PATCH 1/5] slug: add maxLength option\n\n---\n src/slug.js       | 3 +++\n test/slug.test.js | 1 +\n 2 files changed, 4 insertions(+)\n\ndiff --git a/src/slug.js b/src/slug.js\nindex 32d3517..9f5ec1a 100644\n--- a/src/slug.js\n+++ b/src/slug.js\n@@ -4,6 +4,9 @@ export function slugify(text, opts = {}) {\n   let s = String(text).normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();\n   s = s.replace(/[^a-z0-9]+/g, sep);\n   s = s.replace(new RegExp(`^${escape(sep)}+|${escape(sep)}+$`, 'g'), '');\n+\n+  // maxLength: cut the slug to at most this many characters.\n+  if (opts.maxLength) s = s.slice(0, opts.maxLength);\n   return s;\n }\n \ndiff --git a/test/slug.test.js b/test/slug.test.js\nindex 7bf88e0..cc6f0ee 100644\n--- a/test/slug.test.js\n+++ b/test/slug.test.js\n@@ -8,3 +8,4 @@ test('collapses runs of separators', () => assert.equal(slugify('a -- b'), 'a-b'\n test('trims separators at the ends', () => assert.equal(slugify('  --hi--  '), 'hi'));\n test('custom separator', () => assert.equal(slugify('Hello World', { separator: '_' }), 'hello_world'));\n test('keeps digits', () => assert.equal(slugify('Top 10 Tips'), 'top-10-tips'));\n+test('maxLength cuts', () => assert.equal(slugify('Hello World', { maxLength: 5 }), 'hello'));\n-- \n2.39.5\n\n",
  'patches/0002-slug-transliterate-and.patch':
    "From 5b9dd0bd627fb52451b4046c26a2152e13dc759c Mon Sep 17 00:00:00 2001\nFrom: Dana Whitfield <dana@example.org>\nDate: Mon, 12 May 2025 10:00:00 +0100\nSubject: [PATCH 2/5] =?UTF-8?q?slug:=20transliterate=20=C3=9F=20and=20?=\n =?UTF-8?q?=C3=A6?=\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n---\n src/slug.js       | 1 +\n test/slug.test.js | 1 +\n 2 files changed, 2 insertions(+)\n\ndiff --git a/src/slug.js b/src/slug.js\nindex 9f5ec1a..d1eb2a9 100644\n--- a/src/slug.js\n+++ b/src/slug.js\n@@ -2,6 +2,7 @@\n export function slugify(text, opts = {}) {\n   const sep = opts.separator ?? '-';\n   let s = String(text).normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();\n+  s = s.replace(/ß/g, 'ss').replace(/æ/g, 'ae');\n   s = s.replace(/[^a-z0-9]+/g, sep);\n   s = s.replace(new RegExp(`^${escape(sep)}+|${escape(sep)}+$`, 'g'), '');\n \ndiff --git a/test/slug.test.js b/test/slug.test.js\nindex cc6f0ee..6982c7b 100644\n--- a/test/slug.test.js\n+++ b/test/slug.test.js\n@@ -9,3 +9,4 @@ test('trims separators at the ends', () => assert.equal(slugify('  --hi--  '), '\n test('custom separator', () => assert.equal(slugify('Hello World', { separator: '_' }), 'hello_world'));\n test('keeps digits', () => assert.equal(slugify('Top 10 Tips'), 'top-10-tips'));\n test('maxLength cuts', () => assert.equal(slugify('Hello World', { maxLength: 5 }), 'hello'));\n+test('transliterates ß and æ', () => assert.equal(slugify('Straße Æble'), 'strasse-aeble'));\n-- \n2.39.5\n\n",
  'patches/0003-slug-build-the-edge-regex-once-per-call.patch':
    "From b3df41d4fe0c6919d9e6771854405f8422fad7e5 Mon Sep 17 00:00:00 2001\nFrom: Dana Whitfield <dana@example.org>\nDate: Mon, 12 May 2025 10:00:00 +0100\nSubject: [PATCH 3/5] slug: build the edge regex once per call\n\n---\n src/slug.js | 7 ++++++-\n 1 file changed, 6 insertions(+), 1 deletion(-)\n\ndiff --git a/src/slug.js b/src/slug.js\nindex d1eb2a9..ce860dc 100644\n--- a/src/slug.js\n+++ b/src/slug.js\n@@ -1,16 +1,21 @@\n // slugify(text, opts) -> lowercase ASCII slug for URLs.\n export function slugify(text, opts = {}) {\n   const sep = opts.separator ?? '-';\n+  const edges = edgeRegex(sep);\n   let s = String(text).normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();\n   s = s.replace(/ß/g, 'ss').replace(/æ/g, 'ae');\n   s = s.replace(/[^a-z0-9]+/g, sep);\n-  s = s.replace(new RegExp(`^${escape(sep)}+|${escape(sep)}+$`, 'g'), '');\n+  s = s.replace(edges, '');\n \n   // maxLength: cut the slug to at most this many characters.\n   if (opts.maxLength) s = s.slice(0, opts.maxLength);\n   return s;\n }\n \n+function edgeRegex(sep) {\n+  return new RegExp(`^${escape(sep)}+|${escape(sep)}+$`);\n+}\n+\n function escape(s) {\n   return s.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');\n }\n-- \n2.39.5\n\n",
  'patches/0004-docs-mention-maxLength-in-README.patch':
    'From 2c42a12818872a810d26221ac1f4e1a014a234d1 Mon Sep 17 00:00:00 2001\nFrom: Dana Whitfield <dana@example.org>\nDate: Mon, 12 May 2025 10:00:00 +0100\nSubject: [PATCH 4/5] docs: mention maxLength in README\n\n---\n README.md | 3 ++-\n 1 file changed, 2 insertions(+), 1 deletion(-)\n\ndiff --git a/README.md b/README.md\nindex 64731c2..f6a3c0b 100644\n--- a/README.md\n+++ b/README.md\n@@ -1,6 +1,7 @@\n # tidy-slug\n \n-`slugify(text, { separator })` for URL slugs.\n+`slugify(text, { separator, maxLength })` for URL slugs.\n+`maxLength` cuts the slug to at most that many characters.\n \n     npm test\n     npm run size\n-- \n2.39.5\n\n',
  'patches/0005-slug-don-t-end-on-a-separator-after-maxLength.patch':
    "From edc7957c302890ddfcda23563eeaf301505098a4 Mon Sep 17 00:00:00 2001\nFrom: Dana Whitfield <dana@example.org>\nDate: Mon, 12 May 2025 10:00:00 +0100\nSubject: [PATCH 5/5] slug: don't end on a separator after maxLength\n\n---\n src/slug.js       | 2 +-\n test/slug.test.js | 1 +\n 2 files changed, 2 insertions(+), 1 deletion(-)\n\ndiff --git a/src/slug.js b/src/slug.js\nindex ce860dc..24c6c01 100644\n--- a/src/slug.js\n+++ b/src/slug.js\n@@ -8,7 +8,7 @@ export function slugify(text, opts = {}) {\n   s = s.replace(edges, '');\n \n   // maxLength: cut the slug to at most this many characters.\n-  if (opts.maxLength) s = s.slice(0, opts.maxLength);\n+  if (opts.maxLength) s = s.slice(0, opts.maxLength).replace(edgeRegex(sep), '');\n   return s;\n }\n \ndiff --git a/test/slug.test.js b/test/slug.test.js\nindex 6982c7b..33a752c 100644\n--- a/test/slug.test.js\n+++ b/test/slug.test.js\n@@ -10,3 +10,4 @@ test('custom separator', () => assert.equal(slugify('Hello World', { separator:\n test('keeps digits', () => assert.equal(slugify('Top 10 Tips'), 'top-10-tips'));\n test('maxLength cuts', () => assert.equal(slugify('Hello World', { maxLength: 5 }), 'hello'));\n test('transliterates ß and æ', () => assert.equal(slugify('Straße Æble'), 'strasse-aeble'));\n+test('maxLength does not end on a separator', () => assert.equal(slugify('Hello World', { maxLength: 6 }), 'hello'));\n-- \n2.39.5\n\n",
};

export const scenario = {
  name: 'node-bisect-revert-english',
  about:
    'held out: English user, plain-JS node --test project, a five-patch series applied with git am, git bisect start/run finds the culprit, git revert --no-edit of it, a ReferenceError the revert causes fixed after a restored helper is undone, npm run size left failing, refused git push, no-history-rewrite rule, three /compact',
  requires: ['node', 'npm', 'git'],
  files: FILES,
  build(k, { edit, write }) {
    const bisectReq = k.request('bisect which patch broke it');
    const rule = k.constraint("don't rewrite history: no rebase, no force push");
    k.error('✖ trims separators at the ends', 'resolved');
    k.error('is the first bad commit');
    k.error('AssertionError [ERR_ASSERTION]: Expected values to be strictly equal');
    const revertReq = k.request('revert just that one and keep the rest');
    const revert = k.decision(
      'revert 3/5 with git revert',
      'a revert commit keeps the other four patches and the history as it is',
      'dropping the commit with rebase -i',
    );
    k.error('ReferenceError: edgeRegex is not defined', 'resolved');
    const helper = k.rejected("return new RegExp(`^${escape(sep)}+|${escape(sep)}+$`, 'g');", 'putting edgeRegex back by hand half undoes the revert');
    const inline = k.decision(
      'trim the cut inline with its own regex',
      'only the maxLength path needs a trailing-separator trim',
      'calling slugify again on the cut string',
    );
    k.file('src/slug.js');
    const refusal = k.refusal('no push yet, Dana should see the revert first');
    const sizeReq = k.request('is npm run size red because of the series too');
    k.number('426');
    k.number('638');
    k.number('600');
    k.error('size-check: src/ is 638 bytes, budget 600', 'unresolved');
    const lastReq = k.request('add a CHANGELOG entry for the revert');
    k.lastRequest(lastReq);
    k.file('CHANGELOG.md');
    const budget = k.constraint("leave the budget alone, that's Dana's call");
    k.check('node --test', 'passing');
    k.check('npm run size', 'failing');
    k.not('rejected', revert.choice, 'the revert was kept');
    k.not('constraints', revertReq, 'a request, not a rule');
    k.not('errors', 'Dana should see the revert first', "the user's refusal is no tool error");
    k.not('decisions', helper.what, 'tried and undone: a rejected approach');

    const tests = 'node --test 2>&1 | grep -vE "^\\s+at " | tail -n 24';
    const push = 'git push origin HEAD';
    return [
      {
        user: `Dana mailed a 5 patch series for tidy-slug, it's in patches/. apply it with git am and run the tests - if they break, ${bisectReq}. ${rule}, this branch is shared.`,
        model: [
          [
            think('Apply the series first, then run the suite once to see what fails.'),
            bash('git am -q patches/*.patch && git log --oneline | head -n 7', 'Apply the patch series'),
          ],
          [bash(tests, 'Run the tests')],
          [bash('git bisect start HEAD HEAD~5', 'Start bisecting over the series')],
          [bash('git bisect run node --test 2>&1 | tail -n 12', 'Let node --test drive the bisect')],
          [
            say(
              'Found it: **[PATCH 3/5] slug: build the edge regex once per call**. `edgeRegex()` builds the trim regex without the `g` flag, so only one end of the slug gets trimmed (`"  --hi--  "` → `"hi-"`). The bisect is still open (HEAD is on that commit). Want me to revert it?',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: "Applied Dana's series, one test fails, bisect points at patch 3.",
          intent: 'Apply the 5-patch series and find the patch that broke the tests. Never rewrite history (no rebase, no force push).',
          concepts: ['git am', 'git bisect run', 'node --test'],
          files: ['src/slug.js: changed by the series'],
          errors: ['the edge-trim test fails after the series'],
          solving: 'Bisect found the patch that builds the edge regex once.',
          messages: ['Apply the series, bisect if the tests break; no history rewriting'],
          pending: ['decide what to do with the culprit'],
          current: 'Bisect finished, still in bisect state.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `good catch. ${revertReq}. I'll tell Dana`,
        model: [
          [
            think(
              `Options: ${revert.alternative} (out: the user said no rebase), or ${revert.choice}. Going with the revert: ${revert.reason}, and Dana can resend 3/5 fixed.`,
            ),
            bash(
              'bad=$(git rev-parse --short refs/bisect/bad) && git bisect reset && git revert --no-edit "$bad" && git log --oneline | head -n 3',
              'Revert the culprit',
            ),
          ],
          [bash('node --test 2>&1 | grep -E "^✖|Error|ℹ (pass|fail)" | head -n 12', 'Run the tests')],
          [
            think('5/5 calls edgeRegex() on the maxLength path and that helper came in with 3/5. Quickest: bring the helper back, with the g flag this time.'),
            edit(
              'src/slug.js',
              'function escape(s) {',
              "function edgeRegex(sep) {\n  return new RegExp(`^${escape(sep)}+|${escape(sep)}+$`, 'g');\n}\n\nfunction escape(s) {",
            ),
          ],
          [bash('node --test 2>&1 | grep -E "ℹ (tests|pass|fail)"', 'Run the tests')],
          [say(`Green, but undoing it: ${helper.why}.`), bash('git checkout -- src/slug.js && git status --short', 'Undo the restored helper')],
          [
            think(`Options: ${inline.alternative}, or ${inline.choice}. The second; ${inline.reason}.`),
            edit(
              'src/slug.js',
              "  if (opts.maxLength) s = s.slice(0, opts.maxLength).replace(edgeRegex(sep), '');\n",
              "  if (opts.maxLength) s = s.slice(0, opts.maxLength).replace(new RegExp(`${escape(sep)}+$`), '');\n",
            ),
          ],
          [bash('node --test 2>&1 | tail -n 8', 'Run the tests')],
          [bash('git commit -qam "slug: trim the maxLength cut inline (edgeRegex left with the revert)" && git log --oneline | head -n 3', 'Commit')],
          [bash(push, 'Push')],
          [say('Reverted 3/5 and fixed the maxLength path that leaned on it; all tests pass. Not pushed.')],
        ],
        refuse: { [push]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Culprit reverted, maxLength fixed, tests green; push refused.',
          intent: 'Revert the bad patch of the series, keep the rest. No history rewriting.',
          concepts: ['git revert', 'node --test'],
          files: ['src/slug.js: maxLength trim no longer uses the reverted helper'],
          errors: ['After the revert the maxLength tests failed; fixed'],
          solving: 'Restoring the helper by hand was tried and undone.',
          messages: ['Revert only the bad patch', 'The user refused the push until Dana has seen it'],
          pending: [],
          current: 'Committed locally.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `ok. ${sizeReq}?`,
        model: [
          [bash('npm run size 2>&1 | tail -n 3', 'Run the size check')],
          [bash('git show "$(git rev-list --max-parents=0 HEAD)":src/slug.js | wc -c', 'Size of src/slug.js before the series')],
          [
            say(
              'Yes: before the series `src/` was well under the budget; the series (maxLength, ß/æ) pushed it over. The budget lives in `scripts/size-check.js`. I have not touched it.',
            ),
          ],
        ],
      },
      {
        user: `${budget}. ${lastReq}`,
        model: [
          [
            write(
              'CHANGELOG.md',
              '# Changelog\n\n## Unreleased\n\n- maxLength option, ß/æ transliteration (Dana\'s series 1,2,4,5).\n- Reverted "slug: build the edge regex once per call" (3/5): it trimmed only one end of the slug.\n',
            ),
          ],
          [
            bash(
              'git add CHANGELOG.md && git commit -qm "CHANGELOG: series and the revert of 3/5" && npm run size 2>&1 | tail -n 2',
              'Commit and re-run the size check',
            ),
          ],
          [say('CHANGELOG.md added and committed. `npm run size` is still over budget; left for Dana.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: "Changelog written; size check still red (budget is Dana's).",
          intent: "Land Dana's series minus the bad patch and document it.",
          concepts: ['git revert', 'CHANGELOG'],
          files: ['CHANGELOG.md: new', 'src/slug.js: maxLength trim'],
          errors: ['size check over budget'],
          solving: 'Nothing more to do without Dana.',
          messages: ['Leave the budget; write a CHANGELOG entry'],
          pending: ['size budget (Dana)'],
          current: 'CHANGELOG committed.',
          next: 'None.',
        }),
      },
    ];
  },
};
