// An agent that writes the way many real sessions read: no thinking text (empty, with a signature),
// visible answers full of headings ("Should we go with:"), pros/cons bullets, plans and intentions
// ("Now I'll add the styles…"). Only the one real decision and the one real dead end may be reported.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

export const scenario = {
  name: 'headings-intentions',
  about: 'no thinking text, headings/pros-cons/plans/intentions in visible text, CSS build (node), chatty-ish user',
  requires: ['npm'],
  thinking: false,
  files: {
    'package.json': JSON.stringify({ name: 'storefront', version: '5.1.0', private: true, scripts: { build: 'node scripts/build.js' } }, null, 2) + '\n',
    'src/styles/cards.css': '.cards {\n  display: block;\n}\n',
    'scripts/build.js':
      "const fs = require('fs');\nconst css = fs.readFileSync('src/styles/cards.css', 'utf8');\nconst lines = css.split('\\n');\n" +
      "const bad = lines.findIndex((l) => /gap-x|masonry/.test(l));\nif (bad >= 0) { console.error('BUILD: src/styles/cards.css:' + (bad + 1) + ' ' + (lines[bad].includes('masonry') ? 'masonry is not supported by the target browsers' : \"unknown property 'gap-x'\")); process.exit(1); }\n" +
      "fs.mkdirSync('dist', { recursive: true });\nfs.writeFileSync('dist/app.css', css);\nconsole.log('built dist/app.css: ' + (2.87).toFixed(2) + ' kB');\n",
    'scripts/vitals.js': "console.log('CLS ' + (0.031).toFixed(3) + ', LCP ' + (1.42).toFixed(2) + ' s');\n",
    'scripts/a11y.js': "console.error('A11Y: .card__price contrast ' + (3.9).toFixed(1) + ':1 is below 4.5:1');\nprocess.exit(1);\n",
    '.gitignore': 'dist/\n',
  },
  build(k, { edit }) {
    const grid = k.request('lay out the product cards in a responsive grid');
    const noFramework = k.constraint('no CSS frameworks');
    const decision = k.decision('CSS grid', 'the product cards must line up across rows', 'flexbox');
    k.error("BUILD: src/styles/cards.css:4 unknown property 'gap-x'", 'resolved');
    k.check('npm run build', 'passing');
    k.file('src/styles/cards.css');
    const masonry = k.rejected('grid-template-rows: masonry', 'no browser in our support matrix ships masonry');
    k.number('2.87');
    k.number('0.031');
    k.number('1.42');
    const equal = k.request('make the cards equal height');
    k.error('A11Y: .card__price contrast 3.9:1 is below 4.5:1', 'unresolved');
    k.refusal('I said no frameworks. plain CSS');
    k.not('errors', 'I said no frameworks', "a user's refusal is not a tool error");
    k.not('decisions', 'Should we go with', 'a heading is not a decision');
    k.not('decisions', "Now I'll add the styles", 'an intention is not a decision');
    k.not('rejected', 'Cons of grid', 'a pros/cons bullet is not a rejected approach');
    k.not('rejected', 'Plan: 1.', 'a plan is not a rejected approach');
    k.not('rejected', grid, "the user's request is not a rejected approach");

    return [
      {
        user: `Could you ${grid}? Three columns on desktop, one on phones. And ${noFramework} please, we tried Bootstrap once and regretted it.`,
        model: [
          [
            empty(),
            say(
              `## Layout options\n\nShould we go with:\n1. ${decision.choice}\n2. ${decision.alternative}\n\n**Pros of grid:** two-dimensional, columns line up.\n**Cons of grid:** slightly more CSS for the phone breakpoint.\n\n` +
                `I went with ${decision.choice} instead of ${decision.alternative} because ${decision.reason}; flex rows would each size on their own.\n\nNow I'll add the styles.`,
            ),
            edit(
              'src/styles/cards.css',
              '.cards {\n  display: block;\n}\n',
              '.cards {\n  display: grid;\n  grid-template-columns: repeat(3, 1fr);\n  gap-x: 16px;\n}\n',
            ),
          ],
          [empty(), bash('npm run build', 'Build the CSS')],
          [
            empty(),
            say('`gap-x` is not a CSS property; using `column-gap`.'),
            edit('src/styles/cards.css', '  gap-x: 16px;', '  column-gap: 16px;\n  row-gap: 16px;'),
          ],
          [empty(), bash('npm run build && ls dist', 'Build again')],
          [
            empty(),
            say('Plan: 1. add the phone breakpoint 2. check vitals 3. check contrast.\n\nLet me run the vitals check.'),
            bash('node scripts/vitals.js', 'Web vitals'),
          ],
          [empty(), say('The grid is in place with three columns; build and vitals are fine.')],
        ],
      },
      {
        user: `Looks great!! Can you also ${equal}? Pinterest-style would be cool too if that's easy.`,
        refuse: { 'npm install masonry-layout': 'I said no frameworks. plain CSS please' },
        model: [
          [empty(), say('A small masonry library would give the Pinterest look.'), bash('npm install masonry-layout', 'Install masonry-layout')],
          [
            empty(),
            say('Trying native masonry for the Pinterest look.'),
            edit('src/styles/cards.css', '  row-gap: 16px;', `  row-gap: 16px;\n  ${masonry.what};`),
          ],
          [empty(), bash('npm run build', 'Build')],
          [
            empty(),
            say(`Backing out masonry: ${masonry.why}. Equal heights come from grid's default stretch instead.`),
            edit('src/styles/cards.css', `  row-gap: 16px;\n  ${masonry.what};`, '  row-gap: 16px;\n  align-items: stretch;'),
          ],
          [empty(), bash('npm run build', 'Build')],
          [empty(), bash('node scripts/a11y.js', 'Accessibility check')],
          [empty(), say('Cards are equal height now. The accessibility check still flags the price contrast.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Storefront card grid done; equal heights done; contrast issue open.',
          intent:
            'Lay out the product cards in a responsive grid (3 columns desktop, 1 on phones) without CSS frameworks; then make the cards equal height (masonry was wished for if easy).',
          concepts: ['CSS grid', 'Masonry layout', 'Web vitals, contrast'],
          files: ['src/styles/cards.css: grid with three columns, column/row gap, align-items: stretch'],
          errors: [
            'Build failed on an unknown property gap-x; replaced with column-gap/row-gap',
            'grid-template-rows: masonry is not supported by the target browsers (no browser in our support matrix ships masonry); removed',
            'a11y check: price contrast too low',
          ],
          solving: 'Used CSS grid instead of flexbox because the product cards must line up across rows; vitals fine (CLS 0.031).',
          messages: [
            `"Could you ${grid}? Three columns on desktop, one on phones. And ${noFramework} please, we tried Bootstrap once and regretted it."`,
            `"Looks great!! Can you also ${equal}? Pinterest-style would be cool too if that's easy."`,
          ],
          pending: ['Fix the .card__price contrast'],
          current: 'Ran the accessibility check; the price contrast fails.',
          next: 'Darken the price color and rerun scripts/a11y.js.',
        }),
      },
    ];
  },
};
