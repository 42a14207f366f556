// A chatty English user on a python/pytest project. `pytest` fails, then `python3 -m pytest -q …` passes
// (same family, another form); a validation script is still failing when the session stops.
import { bash, ccSummary, say, think } from '../kit.mjs';

export const scenario = {
  name: 'python-chatty',
  about: 'chatty user, python/pytest, thinking, pytest progress output, a question that is not a rule',
  requires: ['python3', 'pytest'],
  files: {
    'station/__init__.py': '',
    'station/parse.py': "def parse_line(line):\n    ts, temp = line.strip().split(';')\n    return ts, float(temp)\n",
    'tests/test_parse.py':
      "from station.parse import parse_line\n\n\ndef test_dot():\n    assert parse_line('2024-01-01T00:00;3.5') == ('2024-01-01T00:00', 3.5)\n\n\ndef test_graz_comma():\n    assert parse_line('2024-01-01T00:00;3,5') == ('2024-01-01T00:00', 3.5)\n",
    'scripts/stats.py': "n = 86000 + 912\nprint(f'readings: {n:,}; mean {11.366:.2f} C; longest gap {400 + 12} min')\n",
    'scripts/validate_station.py': "import sys\nsys.stderr.write('StationError: station ST-0417 has %d gaps longer than 6h\\n' % (1 + 2))\nsys.exit(1)\n",
    'CHANGELOG.md': '# Changelog\n',
    'conftest.py': '',
  },
  build(k, { edit, write }) {
    const graz = k.request('accept readings from the Graz stations');
    const py39 = k.constraint('keep Python 3.9 compatibility');
    const noReformat = k.constraint("don't reformat files you aren't touching");
    k.error("ValueError: could not convert string to float: '3,5'", 'resolved');
    k.check('pytest', 'passing');
    const choice = k.decision(
      'accept both comma and dot decimals',
      'the Graz loggers export with comma decimals',
      'asking every station to reconfigure its logger',
    );
    const locale = k.rejected("setlocale(locale.LC_NUMERIC, 'de_AT.UTF-8')", 'the CI image has no de_AT locale');
    k.error('locale.Error: unsupported locale setting');
    k.file('station/parse.py');
    k.file('tests/test_kelvin.py');
    k.file('CHANGELOG.md');
    const kelvin = k.request('a test for the Kelvin conversion');
    k.number('86,912');
    k.number('11.37');
    k.number('412');
    k.error('StationError: station ST-0417 has 3 gaps longer than 6h', 'unresolved');
    const question = k.not('constraints', 'should we keep the old Fahrenheit helper around', 'a question is not a standing rule');
    k.not('numbers', '[100%]', 'pytest progress, not a measurement');
    k.not('rejected', graz, "the user's request is not a rejected approach");

    return [
      {
        user:
          `Hi! Hope your day is going well :) So, we finally got data from the new sensors and I'd love for you to make the parser ${graz} — they send temperatures a bit differently I think. ` +
          `One thing, since our Raspberry Pis are old: please ${py39}. And ${noReformat}, the diff review gets painful otherwise. Thanks a ton!`,
        model: [
          [think('See what the test suite says first.'), bash('pytest', 'Run the test suite')],
          [
            think(
              `Comma decimals. Two ways: ${choice.alternative}, or ${choice.choice} in parse_line. ${choice.choice[0].toUpperCase() + choice.choice.slice(1)} — ${choice.reason}, and the other way means a site visit per station.`,
            ),
            bash(`python3 -c "import locale; locale.${locale.what}; print(locale.atof('3,5'))"`, 'Try locale-aware parsing'),
          ],
          [
            say(`Locale-aware parsing is out: ${locale.why}, so I'll normalise the decimal separator myself.`),
            edit('station/parse.py', '    return ts, float(temp)', "    return ts, float(temp.replace(',', '.'))"),
          ],
          [bash('python3 -m pytest -q tests/test_parse.py', 'Rerun the parser tests')],
          [say('The Graz readings parse now (comma or dot decimals), and the parser tests pass.')],
        ],
      },
      {
        user: `Amazing, thank you!! Could you also add ${kelvin}? Oh and ${question}? No strong feelings, just wondering. Also some stats on the dataset would be fun to see.`,
        model: [
          [
            think('Kelvin test next; a separate file keeps test_parse.py focused.'),
            write('tests/test_kelvin.py', 'def to_kelvin(c):\n    return c + 273.15\n\n\ndef test_zero():\n    assert abs(to_kelvin(0) - 273.15) < 1e-9\n'),
          ],
          [bash('python3 -m pytest -q', 'Run all tests')],
          [bash('python3 scripts/stats.py', 'Dataset statistics')],
          [bash("printf '\\n- Parser accepts comma decimals (Graz stations)\\n' >> CHANGELOG.md", 'Changelog entry')],
          [bash('python3 scripts/validate_station.py', 'Validate station data')],
          [
            say(
              'Added the Kelvin test; all tests pass. The dataset stats are above. About the Fahrenheit helper: nothing imports it, so it could go, but I left it. The station validation still reports gaps for one station.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Friendly user working on a weather-station parser. Comma decimals fixed; Kelvin test added; one validation failure left.',
          intent:
            'Make the parser accept readings from the Graz stations (comma decimals) while keeping Python 3.9 compatibility and not reformatting untouched files; then add a Kelvin conversion test and show dataset statistics.',
          concepts: ['Python, pytest', 'Decimal separators (comma vs dot)', 'locale module'],
          files: [
            'station/parse.py: parse_line now replaces "," with "." before float()',
            'tests/test_kelvin.py: new test for the Kelvin conversion',
            'CHANGELOG.md: entry for the parser change',
          ],
          errors: [
            "pytest failed on the Graz comma test: ValueError: could not convert string to float: '3,5'; fixed by normalising the separator",
            'locale-based parsing failed because the locale is not available',
            'validate_station.py still fails for station ST-0417 (gaps longer than 6h)',
          ],
          solving: 'Chose to normalise the decimal separator in the parser. Dataset stats: 86,912 readings, mean around 11.4 C.',
          messages: [
            `"Hi! ... make the parser ${graz} ... please ${py39}. And ${noReformat} ..."`,
            `"Could you also add ${kelvin}? Oh and ${question}? ... some stats on the dataset would be fun to see."`,
          ],
          pending: ['Station ST-0417 validation failure', 'Decide about the old Fahrenheit helper (user only asked)'],
          current: 'Ran the station validation script, which reported gaps for ST-0417.',
          next: 'Look into the ST-0417 gaps if the user wants it.',
        }),
      },
    ];
  },
};
