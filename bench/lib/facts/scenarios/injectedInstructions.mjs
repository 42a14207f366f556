// A project whose CLAUDE.md imports an AGENTS.md, and a custom slash command whose template Claude
// Code expands into the conversation: none of that text is the user's own rule or request.
import { bash, ccSummary, say, think } from '../kit.mjs';

export const scenario = {
  name: 'injected-instructions',
  about: 'CLAUDE.md + @AGENTS.md injected, a /ship command template expanded, node release work, thinking',
  requires: ['npm'],
  files: {
    'CLAUDE.md': '# Notes for Claude\nAlways answer in English, even to German colleagues.\n@AGENTS.md\n',
    'AGENTS.md': '# Agent rules\n- Indent with tabs in every file you create.\n- Never commit directly to main.\n',
    '.claude/commands/ship.md':
      '---\ndescription: Prepare a release\n---\nPrepare the release of $ARGUMENTS. Always bump the patch version. Never skip the changelog entry.\n',
    'package.json': JSON.stringify({ name: 'api-gateway', version: '2.3.7', private: true, scripts: { verify: 'node scripts/verify.js' } }, null, 2) + '\n',
    'CHANGELOG.md': '# Changelog\n\n## 2.3.7\n- Fix header casing\n',
    'scripts/verify.js':
      "const v = require('../package.json').version;\nif (!require('fs').readFileSync('CHANGELOG.md', 'utf8').includes('## ' + v)) { console.error('VERIFY: CHANGELOG.md has no entry for ' + v); process.exit(1); }\nconsole.log('verify ok ' + v);\n",
    'scripts/size.js': "console.log('dist gzip ' + (18000 + 204) + ' bytes (budget 20000)');\n",
    'scripts/smoke.js': "console.error('SMOKE: GET /health returned ' + (500 + 3) + ' (expected 200)');\nprocess.exit(1);\n",
  },
  build(k, { edit }) {
    const bump = k.request('bump api-gateway to the next minor version');
    const short = k.constraint('keep changelog lines under 80 characters');
    const minor = k.decision('a minor bump to 2.4.0', 'the new /health route is a feature, not a fix', 'the patch bump the ship template asks for');
    k.file('package.json');
    k.error('VERIFY: CHANGELOG.md has no entry for 2.4.0', 'resolved');
    k.check('npm run verify', 'passing');
    k.file('CHANGELOG.md');
    k.number('18204');
    const signed = k.rejected('git tag -s v2.4.0', 'there is no signing key on this machine');
    k.error('SMOKE: GET /health returned 503 (expected 200)', 'unresolved');
    k.not('constraints', 'Indent with tabs in every file', 'an AGENTS.md line is not the user’s rule');
    k.not('constraints', 'Always answer in English', 'a CLAUDE.md line is not the user’s rule');
    k.not('constraints', 'Always bump the patch version', 'a command template is not the user’s rule');
    k.not('requests', 'Prepare the release of', 'a command template is not what the user typed');
    void [bump, short];

    return [
      {
        user: `${bump} and add a changelog entry for the health route. ${short}.`,
        model: [
          [think('Current version first.'), bash(`node -p "require('./package.json').version"`, 'Current version')],
          [
            think(`The ship command would do a patch bump, but ${minor.reason}. So ${minor.choice}, not ${minor.alternative}.`),
            edit('package.json', '"version": "2.3.7"', '"version": "2.4.0"'),
          ],
          [bash('npm run verify', 'Verify release metadata')],
          [edit('CHANGELOG.md', '# Changelog\n\n', '# Changelog\n\n## 2.4.0\n- Add GET /health for the load balancer\n\n')],
          [bash('npm run verify 2>&1 | tail -1', 'Verify again')],
          [say('Version 2.4.0 with a changelog entry; verify passes.')],
        ],
      },
      {
        user: '/ship api-gateway',
        model: [
          [think('Release checklist: size, tag, smoke test.'), bash('node scripts/size.js', 'Bundle size')],
          [bash(`${signed.what} -m 'api-gateway 2.4.0'`, 'Signed tag')],
          [say(`No signed tag: ${signed.why}. Using an annotated tag instead.`), bash("git tag -a v2.4.0 -m 'api-gateway 2.4.0'", 'Annotated tag')],
          [bash('node scripts/smoke.js', 'Smoke test')],
          [say('Tagged v2.4.0 (annotated). The smoke test fails: /health answers 503, so I would not ship yet.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Release of api-gateway 2.4.0 prepared; smoke test fails.',
          intent: 'Bump api-gateway to the next minor version with a changelog entry (lines under 80 characters), then run the /ship release checklist.',
          concepts: ['npm versioning', 'Release checklist (/ship command)'],
          files: ['package.json: version 2.4.0', 'CHANGELOG.md: 2.4.0 entry for GET /health'],
          errors: [
            'npm run verify failed until the changelog entry existed; passes now',
            'Signed tag failed; used an annotated tag',
            'Smoke test: /health returns 503',
          ],
          solving: 'Chose a minor bump since /health is a feature. Bundle is within its size budget.',
          messages: [`"${bump} and add a changelog entry for the health route. ${short}."`, '"/ship api-gateway"'],
          pending: ['Fix /health returning 503 before shipping'],
          current: 'Ran the smoke test after tagging v2.4.0.',
          next: 'Investigate why /health returns 503.',
        }),
      },
    ];
  },
};
