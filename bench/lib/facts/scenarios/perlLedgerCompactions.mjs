// A long Perl session (stock perl, `prove -l t/`) on a converter from a bank's CSV export to a ledger
// journal, compacted twice in the middle and once at the end. The agent hands a search to a sub-agent
// (the Agent tool), asks the user numbered questions at the end of a turn and gets short numbered
// answers; two of its choices are overturned by the user later (the final ones are what counts). One
// ledger test fails, is fixed, breaks again after the user's last change and stays failing because
// the test file is the user's accountant's; Text::CSV is tried and taken out; a sed on that test file
// is refused. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

/** @type {[string, number, number][]} */
const PAYEES = [
  ['Albert Heijn 1021 AMSTERDAM', -4, 90],
  ['NS GROEP IZ NS REIZIGERS', -3, 40],
  ['Vattenfall Klantenservice', -90, 40],
  ['Bol.com BV', -10, 120],
  ['Jumbo Amsterdam Oost', -3, 70],
  ['Gemeente Amsterdam', -30, 80],
  ['Tikkie Sanne de Vries', 5, 40],
];

// ING's export since October 2026: every field quoted, semicolon-separated, comma decimals; the notes
// column sometimes holds semicolons of its own.
function ingExport() {
  let seed = 42;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const rows = ['"Datum";"Naam / Omschrijving";"Bedrag (EUR)";"Mededelingen"'];
  let cents = 0;
  const COUNT = 214;
  for (let i = 0; i < COUNT; i++) {
    const day = String(1 + Math.floor((i * 31) / COUNT)).padStart(2, '0');
    let payee;
    let amount;
    if (i % 53 === 17) {
      payee = 'Salaris ACME BV';
      amount = 248000;
    } else {
      const [name, base, spread] = PAYEES[Math.floor(rand() * PAYEES.length)];
      payee = name;
      amount = Math.round((base + Math.sign(base) * rand() * spread) * 100);
    }
    cents += amount;
    const euros = `${amount < 0 ? '-' : ''}${Math.floor(Math.abs(amount) / 100)},${String(Math.abs(amount) % 100).padStart(2, '0')}`;
    const notes =
      i % 3 === 0
        ? `Omschrijving: termijn ${1 + (i % 12)}/12; IBAN: NL02ABNA0${String(123456789 + i).slice(0, 9)}`
        : `Pasvolgnr: 003 ${day}-10-2026 ${String(8 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')} Transactie: ${(0x4a1f + i * 97).toString(16).toUpperCase()} Term: CT${100 + (i % 40)}`;
    rows.push(`"202610${day}";"${payee}";"${euros}";"${notes}"`);
  }
  const abs = Math.abs(cents);
  return { text: rows.join('\r\n') + '\r\n', count: COUNT, total: `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` };
}

const ING = ingExport();

const CLASSIC =
  'Date,Payee,Amount\n' +
  Array.from(
    { length: 30 },
    (_, i) =>
      `2026-09-${String(1 + i).padStart(2, '0')},${PAYEES[i % PAYEES.length][0]},${i % 7 === 6 ? '' : '-'}${10 + i}.${String((i * 13) % 100).padStart(2, '0')}`,
  ).join('\n') +
  '\n';

const MODULE =
  "package Bankcsv;\n# Turns a bank's CSV export (Date,Payee,Amount) into ledger journal entries.\nuse strict;\nuse warnings;\n\n" +
  'sub parse_line {\n    my ($line) = @_;\n    chomp $line;\n    my ($date, $payee, $amount) = split /,/, $line;\n' +
  '    die "unparseable amount \'" . ($amount // \'\') . "\'\\n"\n        unless defined $amount && $amount =~ /^-?\\d+\\.\\d\\d$/;\n' +
  '    return { date => $date, payee => $payee, amount => $amount };\n}\n\n' +
  'sub to_ledger {\n    my ($tx) = @_;\n    my $amount = $tx->{amount};\n    if ($amount =~ s/^-//) {\n' +
  '        return "$tx->{date} $tx->{payee}\\n    Expenses:Unknown  $amount EUR\\n    Assets:Checking\\n";\n    }\n' +
  '    return "$tx->{date} $tx->{payee}\\n    Assets:Checking  $amount EUR\\n    Income:Unknown\\n";\n}\n\n1;\n';

const SCRIPT =
  '#!/usr/bin/perl\n# csv2ledger FILE.csv > journal: one ledger entry per transaction, a summary on stderr.\nuse strict;\nuse warnings;\n' +
  'use FindBin;\nuse lib "$FindBin::Bin/../lib";\nuse Bankcsv;\n\nmy $file = shift or die "usage: csv2ledger FILE.csv\\n";\n' +
  "open my $fh, '<:encoding(UTF-8)', $file or die \"csv2ledger: $file: $!\\n\";\nbinmode STDOUT, ':encoding(UTF-8)';\nmy $header = <$fh>;\nmy ($count, $total) = (0, 0);\n" +
  'while (my $line = <$fh>) {\n    next unless $line =~ /\\S/;\n    my $tx = eval { Bankcsv::parse_line($line) } or die "csv2ledger: $file line $.: $@";\n' +
  '    print Bankcsv::to_ledger($tx), "\\n";\n    $count++;\n    $total += $tx->{amount};\n}\n' +
  'printf STDERR "csv2ledger: %d transactions, total %.2f EUR\\n", $count, $total;\n';

const LEDGER_T =
  'use strict;\nuse warnings;\nuse Test::More;\nuse Bankcsv;\n\n# Cases from the accountant: the journal must look exactly like this.\n' +
  'is(Bankcsv::to_ledger(Bankcsv::parse_line("2026-10-03,Albert Heijn,-12.50\\n")),\n' +
  '   "2026-10-03 Albert Heijn\\n    Expenses:Unknown  12.50 EUR\\n    Assets:Checking\\n", \'formats a debit\');\n' +
  'is(Bankcsv::to_ledger(Bankcsv::parse_line("2026-10-25,Salaris,2480.00\\n")),\n' +
  '   "2026-10-25 Salaris\\n    Assets:Checking  2480.00 EUR\\n    Income:Unknown\\n", \'formats a credit\');\ndone_testing;\n';

const PARSE_T =
  'use strict;\nuse warnings;\nuse Test::More;\nuse Bankcsv;\n\n' +
  'my $tx = Bankcsv::parse_line("2026-10-03,Albert Heijn,-12.50\\n");\n' +
  "is($tx->{date}, '2026-10-03', 'date');\nis($tx->{payee}, 'Albert Heijn', 'payee');\ncmp_ok($tx->{amount}, '==', -12.5, 'amount');\n" +
  'ok(!eval { Bankcsv::parse_line("2026-10-03,Albert Heijn,twelve\\n") }, \'rejects a bad amount\');\ndone_testing;\n';

const MODULE_V2 =
  "package Bankcsv;\n# Turns a bank's CSV export into ledger journal entries. Two formats: the classic export\n" +
  '# (Date,Payee,Amount with a dot) and ING\'s since October 2026 ("Datum";…;"Bedrag (EUR)";"Mededelingen", comma decimals).\n' +
  "use strict;\nuse warnings;\n\nsub detect_format {\n    my ($header) = @_;\n    return $header =~ /^\"Datum\";/ ? 'ing2026' : 'classic';\n}\n\n" +
  "sub parse_line {\n    my ($line, $format) = @_;\n    $format //= 'classic';\n    $line =~ s/\\r?\\n\\z//;\n    my ($date, $payee, $amount, $notes);\n" +
  "    if ($format eq 'ing2026') {\n        ($date, $payee, $amount, $notes) = split /;/, $line;\n" +
  '        for ($date, $payee, $amount, $notes) {\n            s/^"|"$//g if defined;\n        }\n' +
  '        $date =~ s/^(\\d{4})(\\d\\d)(\\d\\d)$/$1-$2-$3/;\n        $amount =~ tr/,/./ if defined $amount;\n    } else {\n' +
  '        ($date, $payee, $amount) = split /,/, $line;\n    }\n' +
  '    die "unparseable amount \'" . ($amount // \'\') . "\'\\n"\n        unless defined $amount && $amount =~ /^-?\\d+\\.\\d\\d$/;\n' +
  '    return { date => $date, payee => $payee, amount => $amount + 0, notes => $notes };\n}\n\n' +
  'sub to_ledger {\n    my ($tx) = @_;\n    my $amount = abs $tx->{amount};\n    my $entry = "$tx->{date} $tx->{payee}\\n";\n' +
  '    if ($tx->{amount} < 0) {\n        return $entry . "    Expenses:Unknown  $amount EUR\\n    Assets:Checking\\n";\n    }\n' +
  '    return $entry . "    Assets:Checking  $amount EUR\\n    Income:Unknown\\n";\n}\n\n1;\n';

export const scenario = {
  name: 'perl-ledger-compactions',
  about:
    'held out: Perl + prove, two mid-session /compact, Agent sub-agent search, numbered questions answered, decisions overturned, a test fixed then broken again',
  requires: ['perl', 'prove', 'git'],
  files: {
    'README.md':
      "# csv2ledger\n\nConverts the bank's CSV export into a ledger journal.\n\n    perl bin/csv2ledger export.csv >> ~/finance/2026.journal\n\nTests: `prove -l t/`.\n",
    'lib/Bankcsv.pm': MODULE,
    'bin/csv2ledger': SCRIPT,
    't/ledger.t': LEDGER_T,
    't/parse.t': PARSE_T,
    'samples/classic-2026-09.csv': CLASSIC,
    'samples/ing-2026-10.csv': ING.text,
  },
  build(k, { edit, write }) {
    const both = k.request('make it read both the old and the new ING export');
    const noCpan = k.constraint("don't add CPAN modules");
    k.error('csv2ledger: samples/ing-2026-10.csv line 2: unparseable amount', 'resolved');
    const header = k.decision(
      'detect the format from the header line',
      'the NAS cron job calls csv2ledger with nothing but the file name',
      'adding a --format flag',
    );
    const dot = 'amounts always get a dot decimal mark in the journal';
    k.error("Failed test 'formats a debit'", 'unresolved');
    k.number(String(ING.count));
    k.number(ING.total);
    k.file('lib/Bankcsv.pm');
    k.file('bin/csv2ledger');
    const notes = k.request('put the Mededelingen column into the journal as a comment under each transaction');
    const ledgerT = k.constraint("don't touch t/ledger.t, those cases come from my accountant");
    const tag = 'write the notes as a note: tag';
    const textCsv = k.rejected('Text::CSV', 'it is not in stock perl and the NAS has nothing from CPAN');
    k.error("Can't locate Text/CSV.pm in @INC", 'resolved');
    const split = k.decision('split on the quoted separator', 'every field in the ING export is quoted', 'a full CSV parser');
    k.file('t/notes.t');
    const comma = k.request("keep the bank's comma in the amounts after all");
    const commaPick = k.decision(
      'write amounts with a comma decimal mark',
      'the main journal declares a comma decimal mark, so hledger would take a dot as a digit group separator',
      'converting every amount to a dot',
    );
    const refusal = k.refusal("no, leave t/ledger.t alone, I'll ask her to update the cases");
    k.check('prove -l t/', 'failing');
    const readme = k.request('add a couple of lines to the README about the comma amounts and the notes comments');
    k.file('README.md');
    k.lastRequest(readme);
    k.not('decisions', dot, 'overturned by the user: the journal keeps the comma');
    k.not('decisions', tag, 'overturned by the user: plain comments, no tag');
    k.not('constraints', both, 'a request is not a standing rule');
    k.not('errors', "I'll ask her to update the cases", "a user's refusal is not a tool error");
    k.not('rejected', comma, "the user's change of mind is a request, not a rejected approach");

    const first =
      'hey. csv2ledger chokes on the new ING export, they switched to semicolons and comma decimals in october (sample in samples/ing-2026-10.csv). ' +
      `can you ${both}? tests are prove -l t/. ${noCpan}, this runs on the NAS with stock perl`;
    const second = `thanks, works. next: ${notes}, my wife searches the journal for those. and ${ledgerT}`;
    const answers = '1. plain comment, no tag. the notes are full of colons and hledger would read half of them as tags\n2. nothing, leave them bare';
    const fourth = `one more change, sorry: ${comma}. my main journal starts with a decimal-mark , directive and hledger read 12.50 as 1250`;
    const last = `fine. last thing: ${readme}`;

    const sedTest = "sed -i 's/12\\.50 EUR/12,50 EUR/; s/2480\\.00 EUR/2480,00 EUR/' t/ledger.t";

    return [
      {
        user: first,
        model: [
          [think('Baseline first: the tests, then the sample through the current script.'), bash('prove -l t/', 'Run the tests')],
          [bash('perl bin/csv2ledger samples/ing-2026-10.csv > /dev/null', 'Convert the new sample with the current code')],
          [
            think('Before changing anything, get every place that assumes the old format. A sub-agent can sweep lib/, bin/ and t/ while I read the sample.'),
            {
              type: 'tool_use',
              name: 'Agent',
              input: {
                description: 'Find old-format assumptions',
                prompt:
                  'In this Perl project (lib/, bin/, t/), list every place that assumes comma-separated fields, a dot as the decimal separator, or the old header line. ' +
                  'Give file:line and one short line on why. Do not change anything.',
                subagent_type: 'general-purpose',
                run_in_background: false,
              },
            },
          ],
          // The sub-agent's own turns (served in order while the main thread waits for it).
          [
            think('Subagent: grep for the split, the amount pattern and the header read.'),
            bash("grep -n 'split\\|\\\\d\\|header' lib/Bankcsv.pm bin/csv2ledger", 'Find format assumptions'),
          ],
          [
            say(
              'Three places assume the old export:\n' +
                '- lib/Bankcsv.pm:9 `split /,/`: fields separated by commas\n' +
                '- lib/Bankcsv.pm:10-11: the amount must match `^-?\\d+\\.\\d\\d$`, a dot and exactly two decimals\n' +
                '- bin/csv2ledger:12: the first line is read as the header and thrown away unseen\n' +
                't/parse.t and t/ledger.t only use the old format.',
            ),
          ],
          [bash('head -n 3 samples/ing-2026-10.csv', 'Look at the new export')],
          [
            think(
              `Two ways to tell the exports apart: ${header.alternative}, or ${header.choice}. ` +
                `I'll ${header.choice}: ${header.reason}, and the two exports already differ in their first line ("Datum";… versus Date,Payee,Amount). ` +
                'The header is read anyway, so detection costs one regex.',
            ),
            write('lib/Bankcsv.pm', MODULE_V2),
          ],
          [edit('bin/csv2ledger', 'my $header = <$fh>;\n', "my $header = <$fh>;\nmy $format = Bankcsv::detect_format($header // '');\n")],
          [edit('bin/csv2ledger', 'Bankcsv::parse_line($line)', 'Bankcsv::parse_line($line, $format)')],
          [bash('prove -l t/', 'Run the tests')],
          [
            think(
              `The amount became a number, so 12.50 prints as 12.5. Format it with two decimals. And ${dot}, the way ledger reads them by default, rather than keeping the bank's comma.`,
            ),
            edit('lib/Bankcsv.pm', '    my $amount = abs $tx->{amount};\n', "    my $amount = sprintf '%.2f', abs $tx->{amount};\n"),
          ],
          [bash('prove -l t/', 'Run the tests')],
          [bash('perl bin/csv2ledger samples/ing-2026-10.csv | tail -n 4', 'Convert the new sample')],
          [bash('perl bin/csv2ledger samples/classic-2026-09.csv | tail -n 4', 'Convert the old sample')],
          [
            say(
              'Done. csv2ledger now looks at the first line of the file: the new ING header switches to semicolon fields and comma decimals, anything else is read as before. ' +
                'Amounts are written with two decimals. `prove -l t/` passes, and both samples convert.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'csv2ledger now reads both the classic and the new ING export; tests pass.',
          intent: 'Make csv2ledger read the new ING export (semicolons, comma decimals) as well as the old one; no CPAN modules (stock perl on the NAS).',
          concepts: ['Perl module Bankcsv', 'ledger journal format', 'prove -l t/'],
          files: ['lib/Bankcsv.pm: detect_format(), parse_line($line, $format)', 'bin/csv2ledger: detects the format from the header'],
          errors: ['The new export failed to parse with the old code; fixed', 'Amounts lost their trailing zero; fixed with sprintf'],
          solving: 'A sub-agent listed the places that assumed the old format.',
          messages: ['The user asked to support both exports; tests with prove; no CPAN modules'],
          pending: [],
          current: 'Both samples convert; tests pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: second,
        model: [
          [
            think(
              `A ledger tag would make the notes searchable with tag queries. Leaning towards: ${tag}. Old-format rows have no notes. Ask before building it.`,
            ),
            say(
              'Two questions before I add them:\n\n' +
                '1. Format: a plain `; text` comment line under the payee, or a ledger tag (`; note: text`) you can query with `tag:note`?\n' +
                '2. The old export has no notes. Leave those transactions without a comment, or write `; (no notes)`?\n\n' +
                "I'd take the tag for 1 and nothing for 2.",
            ),
          ],
        ],
      },
      {
        user: answers,
        model: [
          [
            think('Plain comment then. The notes contain semicolons inside the quotes, so the simple split cuts them. A proper CSV parser handles quoting.'),
            edit('lib/Bankcsv.pm', 'use strict;\nuse warnings;\n', 'use strict;\nuse warnings;\nuse Text::CSV;\n'),
          ],
          [bash('prove -l t/', 'Run the tests')],
          [
            say(`Taking ${textCsv.what} out again: ${textCsv.why}.`),
            edit('lib/Bankcsv.pm', 'use strict;\nuse warnings;\nuse Text::CSV;\n', 'use strict;\nuse warnings;\n'),
          ],
          [
            think(
              `Without a CSV module: ${split.choice} instead of ${split.alternative}. ${split.reason[0].toUpperCase()}${split.reason.slice(1)}, and the semicolons inside the notes are never next to a quote, ` +
                'so stripping the outer quotes and splitting on ";" gives exactly four fields.',
            ),
            edit(
              'lib/Bankcsv.pm',
              '        ($date, $payee, $amount, $notes) = split /;/, $line;\n        for ($date, $payee, $amount, $notes) {\n            s/^"|"$//g if defined;\n        }\n',
              '        $line =~ s/^"|"$//g;\n        ($date, $payee, $amount, $notes) = split /";"/, $line, 4;\n',
            ),
          ],
          [
            edit(
              'lib/Bankcsv.pm',
              '    my $entry = "$tx->{date} $tx->{payee}\\n";\n',
              '    my $entry = "$tx->{date} $tx->{payee}\\n";\n    $entry .= "    ; $tx->{notes}\\n" if defined $tx->{notes} && length $tx->{notes};\n',
            ),
          ],
          [
            write(
              't/notes.t',
              'use strict;\nuse warnings;\nuse Test::More;\nuse Bankcsv;\n\n' +
                'my $tx = Bankcsv::parse_line(\'"20261003";"Gemeente Amsterdam";"-45,10";"Omschrijving: termijn 3/12; IBAN: NL02ABNA0123456789"\', \'ing2026\');\n' +
                "is($tx->{notes}, 'Omschrijving: termijn 3/12; IBAN: NL02ABNA0123456789', 'keeps semicolons inside the notes');\n" +
                "like(Bankcsv::to_ledger($tx), qr/^    ; Omschrijving: termijn 3\\/12; IBAN/m, 'notes become a comment line');\n" +
                'unlike(Bankcsv::to_ledger(Bankcsv::parse_line("2026-10-03,Albert Heijn,-12.50\\n")), qr/;/, \'no comment without notes\');\ndone_testing;\n',
            ),
          ],
          [bash('prove -l t/ && perl bin/csv2ledger samples/ing-2026-10.csv 2>/dev/null | head -n 9', 'Run the tests and look at the journal')],
          [
            say(
              'Done: the notes go in as a plain `;` comment line under the payee; transactions from the old export get none. t/ledger.t untouched, `prove -l t/` passes.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Continuing csv2ledger: notes from the new export are written as comments.',
          intent: 'csv2ledger reads both exports (no CPAN modules); the Mededelingen notes go into the journal as comments; t/ledger.t must not be changed.',
          concepts: ['Quoted semicolon-separated fields', 'ledger comments'],
          files: ['lib/Bankcsv.pm: notes parsed and written as a comment line', 't/notes.t: new tests for the notes'],
          errors: ['A CSV module was not available on this perl; parsing stays hand-written'],
          solving: 'The user chose plain comments over tags and nothing for rows without notes.',
          messages: ['Put the notes column into the journal as comments; do not touch t/ledger.t', 'Answers: plain comment, nothing for old rows'],
          pending: [],
          current: 'Notes written as comments; tests pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: fourth,
        model: [
          [
            think(
              `That reverses the earlier choice of a dot. Now: ${commaPick.choice} rather than ${commaPick.alternative}, because ${commaPick.reason}. ` +
                'Only the output changes; parsing still turns the comma into a dot internally so the totals add up.',
            ),
            edit(
              'lib/Bankcsv.pm',
              "    my $amount = sprintf '%.2f', abs $tx->{amount};\n",
              "    (my $amount = sprintf '%.2f', abs $tx->{amount}) =~ tr/./,/;\n",
            ),
          ],
          [bash('prove -l t/', 'Run the tests')],
          [
            think('t/ledger.t still expects dots. The expectations have to follow the new output; update the two amounts.'),
            bash(sedTest, 'Update the amounts in t/ledger.t'),
          ],
          [
            say(
              "Understood, t/ledger.t stays as it is. That means `prove -l t/` fails now: 'formats a debit' and 'formats a credit' expect 12.50 and 2480.00 with a dot, " +
                'and the journal now has 12,50 and 2480,00. Everything else passes. Once the cases are updated it should be green again.',
            ),
          ],
        ],
        refuse: { [sedTest]: refusal },
      },
      {
        user: last,
        model: [
          [
            edit(
              'README.md',
              'Tests: `prove -l t/`.\n',
              'Tests: `prove -l t/`.\n\n## Output\n\n' +
                'Amounts are written with a comma as the decimal mark (12,50 EUR), for a journal with `decimal-mark ,`.\n' +
                'For the ING export, the Mededelingen column becomes a `;` comment line under each transaction.\n',
            ),
          ],
          [say('Added an "Output" section to the README.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'csv2ledger: both exports, notes as comments, comma amounts; t/ledger.t now fails and is left for the accountant.',
          intent:
            'Support both exports, notes as comments, comma as decimal mark in the output, README notes. No CPAN modules; t/ledger.t is not ours to change.',
          concepts: ['Perl', 'ledger/hledger decimal mark', 'prove'],
          files: ['lib/Bankcsv.pm: amounts written with a comma', 'README.md: Output section'],
          errors: ['t/ledger.t fails since the comma change (the user will have the cases updated)'],
          solving: 'The user switched the output back to the comma decimal mark.',
          messages: ['Earlier messages are in the previous summaries', 'Keep the comma in the amounts; the user refused editing t/ledger.t', `"${last}"`],
          pending: ['t/ledger.t needs the accountant to update its cases'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
