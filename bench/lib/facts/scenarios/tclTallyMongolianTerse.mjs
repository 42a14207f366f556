// A terse Mongolian user (Cyrillic) on a small Tcl sales tally (bin/tally.tcl over lib/tally.tcl),
// tested with tcltest (`tclsh tests/all.tcl`). No thinking: the model decides in its replies. The
// script dies on `can't read "qty": no such variable` at a malformed line of the POS export (fixed by
// skipping and counting such lines); tally-2.1 (thousands separators) fails and is fixed after a
// `format "%'d"` attempt that Tcl rejects; tally-3.2 (ISO week of 2024-12-30) is left failing on the
// user's word. The user's rule: expected values in tests/ are not to be changed. A commit is refused.
// Numbers from tcltest's Total line and the row counts the script prints. Written as a held-out
// scenario: not tuned on.
import { bash, ccSummary, say } from '../kit.mjs';

const CITIES = ['Улаанбаатар', 'Дархан', 'Эрдэнэт', 'Чойбалсан', 'Мөрөн', 'Ховд', 'Өлгий', 'Сайншанд'];

function orders() {
  let seed = 7;
  const rand = (n) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const out = ['date;city;qty;price'];
  for (let i = 0; i < 1493; i++) {
    const d = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
    const city = CITIES[rand(CITIES.length)];
    if (i % 251 === 130) out.push(`${d};${city};${1 + rand(9)};`);
    else out.push(`${d};${city};${1 + rand(9)};${(5 + rand(60)) * 500}`);
  }
  return out.join('\n') + '\n';
}

const LIB =
  'namespace eval tally {\n    namespace export parse summarize money week\n}\n\n' +
  '# "2024-03-05;Дархан;3;12500" -> {date city amount}\n' +
  'proc tally::parse {line} {\n' +
  '    regexp {^(\\d{4}-\\d\\d-\\d\\d);([^;]+);(\\d+);(\\d+)$} $line -> date city qty price\n' +
  '    set amount [expr {$qty * $price}]\n' +
  '    return [list $date $city $amount]\n}\n\n' +
  'proc tally::summarize {file} {\n' +
  '    set f [open $file r]\n    fconfigure $f -encoding utf-8\n    gets $f ;# header\n' +
  '    set rows 0\n    set total 0\n    set byCity [dict create]\n' +
  '    while {[gets $f line] >= 0} {\n        lassign [parse $line] date city amount\n' +
  '        incr rows\n        incr total $amount\n        dict incr byCity $city $amount\n    }\n    close $f\n' +
  '    return [dict create rows $rows total $total byCity $byCity]\n}\n\n' +
  '# 1234567 -> 1,234,567\nproc tally::money {n} {\n    regsub {(\\d)(\\d{3})$} $n {\\1,\\2} n\n    return $n\n}\n\n' +
  '# ISO week: 2024-12-30 -> 2025-W01\nproc tally::week {date} {\n' +
  '    set t [clock scan $date -format %Y-%m-%d]\n    return [clock format $t -format %Y-W%V]\n}\n';

const MAIN =
  'set here [file dirname [file normalize [info script]]]\nsource [file join $here .. lib tally.tcl]\n\n' +
  'if {[llength $argv] != 1} {\n    puts stderr "usage: tclsh bin/tally.tcl ORDERS.csv"\n    exit 2\n}\n' +
  'set r [tally::summarize [lindex $argv 0]]\n' +
  'puts "rows: [dict get $r rows]"\nputs "total: [tally::money [dict get $r total]]"\n' +
  'dict for {city amount} [dict get $r byCity] {\n    puts [format "  %-12s %s" $city [tally::money $amount]]\n}\n';

const ALL =
  'package require tcltest 2\nnamespace import tcltest::*\n' + 'configure -testdir [file dirname [file normalize [info script]]] {*}$argv\nrunAllTests\n';

const GOOD = [
  ['2024-01-05;Дархан;3;12500', '2024-01-05 Дархан 37500'],
  ['2024-02-11;Ховд;1;500', '2024-02-11 Ховд 500'],
  ['2024-03-01;Улаанбаатар;12;2500', '2024-03-01 Улаанбаатар 30000'],
  ['2024-04-30;Эрдэнэт;2;31000', '2024-04-30 Эрдэнэт 62000'],
  ['2024-05-09;Мөрөн;7;1500', '2024-05-09 Мөрөн 10500'],
  ['2024-06-18;Өлгий;4;8000', '2024-06-18 Өлгий 32000'],
  ['2024-07-02;Сайншанд;9;3500', '2024-07-02 Сайншанд 31500'],
  ['2024-08-21;Чойбалсан;5;6000', '2024-08-21 Чойбалсан 30000'],
  ['2024-09-14;Дархан;6;4500', '2024-09-14 Дархан 27000'],
  ['2024-10-10;Ховд;8;2000', '2024-10-10 Ховд 16000'],
  ['2024-11-27;Эрдэнэт;1;99500', '2024-11-27 Эрдэнэт 99500'],
  ['2024-12-31;Улаанбаатар;10;1000', '2024-12-31 Улаанбаатар 10000'],
];

const TESTS =
  'package require tcltest 2\nnamespace import tcltest::*\nsource [file join [file dirname [info script]] .. lib tally.tcl]\n\n' +
  GOOD.map(([line, want], i) => `test tally-1.${i + 1} {parse ${line.split(';')[1]}} -body {\n    tally::parse {${line}}\n} -result {${want}}\n`).join('\n') +
  '\ntest tally-2.1 {money, millions} -body {\n    tally::money 1234567\n} -result {1,234,567}\n' +
  '\ntest tally-2.2 {money, thousands} -body {\n    tally::money 48500\n} -result {48,500}\n' +
  '\ntest tally-2.3 {money, small} -body {\n    tally::money 500\n} -result {500}\n' +
  '\ntest tally-3.1 {week, mid year} -body {\n    tally::week 2024-06-18\n} -result {2024-W25}\n' +
  '\ntest tally-3.2 {week, ISO year rollover} -body {\n    tally::week 2024-12-30\n} -result {2025-W01}\n' +
  '\ncleanupTests\n';

export const scenario = {
  name: 'tcl-tally-mongolian-terse',
  about:
    'held out: terse Mongolian (Cyrillic) user, Tcl sales tally tested with tclsh tests/all.tcl (tcltest), no thinking, can\'t read "qty" fixed by skipping bad POS lines, tally-2.1 fixed after a rejected format %\'d, tally-3.2 left failing, a refused commit',
  requires: ['tclsh', 'git'],
  thinking: false,
  files: {
    'README.md': '# tally\n\nБорлуулалтын тайлан.\n\n    tclsh bin/tally.tcl data/orders.csv\n    tclsh tests/all.tcl\n',
    'lib/tally.tcl': LIB,
    'bin/tally.tcl': MAIN,
    'tests/all.tcl': ALL,
    'tests/tally.test': TESTS,
    'data/orders.csv': orders(),
  },
  build(k, { edit }) {
    const fixReq = k.request('tally.tcl унаж байна, засаад өг');
    const rule = k.constraint('tests/ доторх хүлээгдэх утгыг битгий өөрчил');
    k.error('can\'t read "qty": no such variable', 'resolved');
    const skip = k.decision(
      'муу мөрийг алгасаж skipped-д тоолно',
      'orders.csv-г кассын систем гаргадаг, гараар засах боломжгүй',
      'эхний муу мөр дээр error шидэх',
    );
    k.file('lib/tally.tcl');
    k.number('1487');
    k.number('128780,000');
    k.error('==== tally-2.1 FAILED', 'resolved');
    k.error('==== tally-3.2 FAILED', 'unresolved');
    k.number('17');
    const moneyReq = k.request('2.1 ийг зас');
    const fmt = k.rejected('format "%\'d"', "Tcl-ийн format мянгатын тусгаарлагч (') дэмждэггүй");
    k.error('bad field specifier "\'"');
    const refusal = k.refusal('commit битгий хий, би өөрөө шалгаад хийнэ');
    const jsonReq = k.request('--json гэсэн сонголт нэм');
    const pure = k.constraint('tcllib битгий ашигла, цэвэр tcl 8.6');
    const json = k.decision('json-ийг гараар format-аар угсарна', 'tcllib ашиглахгүй гэсэн', 'json::write багц');
    k.file('bin/tally.tcl');
    k.file('README.md');
    k.number('17472000');
    k.lastRequest(jsonReq);
    k.check('tclsh tests/all.tcl', 'failing');
    k.not('constraints', moneyReq, 'a request is not a standing rule');
    k.not('decisions', fmt.what, 'tried and reverted: a rejected approach');
    k.not('rejected', skip.choice, 'the kept fix is no dead end');
    k.not('errors', 'би өөрөө шалгаад хийнэ', "the user's refusal is not a tool error");

    const run = 'tclsh bin/tally.tcl data/orders.csv 2>&1 | head -n 20';
    const tests = 'tclsh tests/all.tcl 2>&1 | tail -n 25';
    const commit = 'git add lib/tally.tcl && git commit -m "tally: skip malformed rows, group thousands"';

    return [
      {
        user: `${fixReq}. ${rule}.`,
        model: [
          [bash(run, 'Run the tally')],
          [bash("grep -nvE '^[0-9]{4}-[0-9]{2}-[0-9]{2};[^;]+;[0-9]+;[0-9]+$' data/orders.csv | head", 'Find malformed rows')],
          [
            say(
              `Header-ээс гадна үнэгүй (price хоосон) мөрүүд байна, regexp таарахгүй болохоор qty тохируулагдахгүй.\n\n` +
                `Хоёр арга: ${skip.alternative}, эсвэл ${skip.choice}. Би хоёр дахийг сонгоно: ${skip.reason}.`,
            ),
            edit(
              'lib/tally.tcl',
              '    regexp {^(\\d{4}-\\d\\d-\\d\\d);([^;]+);(\\d+);(\\d+)$} $line -> date city qty price\n',
              '    if {![regexp {^(\\d{4}-\\d\\d-\\d\\d);([^;]+);(\\d+);(\\d+)$} $line -> date city qty price]} {\n        return {}\n    }\n',
            ),
          ],
          [edit('lib/tally.tcl', '    set rows 0\n    set total 0\n', '    set rows 0\n    set skipped 0\n    set total 0\n')],
          [
            edit(
              'lib/tally.tcl',
              '        lassign [parse $line] date city amount\n',
              '        set rec [parse $line]\n        if {$rec eq {}} {\n            incr skipped\n            continue\n        }\n        lassign $rec date city amount\n',
            ),
          ],
          [edit('lib/tally.tcl', 'dict create rows $rows total', 'dict create rows $rows skipped $skipped total')],
          [edit('bin/tally.tcl', 'puts "rows: [dict get $r rows]"\n', 'puts "rows: [dict get $r rows], skipped: [dict get $r skipped]"\n')],
          [bash("tclsh bin/tally.tcl data/orders.csv | sed -n '1,4p'", 'Run the tally again')],
          [bash(tests, 'Run tcltest')],
          [
            say(
              'Унахаа больсон. Муу мөрүүдийг алгасаж тоолж байгаа (`skipped:`).\n\nТестүүд: tally-2.1 (money, сая) болон tally-3.2 (ISO долоо хоног) унасан хэвээр — эдгээр нь миний засвараас өмнө ч унаж байсан.',
            ),
          ],
        ],
      },
      {
        user: `${moneyReq}. 3.2 дараа`,
        model: [
          [bash("grep -n -A4 'proc tally::money' lib/tally.tcl", 'Show money proc')],
          [
            say('`format` ашиглаад үзье.'),
            edit('lib/tally.tcl', '    regsub {(\\d)(\\d{3})$} $n {\\1,\\2} n\n    return $n\n', '    return [format "%\'d" $n]\n'),
          ],
          [bash("tclsh tests/all.tcl -match 'tally-2.*' 2>&1 | grep -v '^$' | head -n 20", 'Run money tests')],
          [
            say(`Болохгүй: ${fmt.why}. Буцаагаад regsub-ийг давталтаар ажиллуулна.`),
            edit('lib/tally.tcl', '    return [format "%\'d" $n]\n', '    while {[regsub {^(\\d+)(\\d{3})} $n {\\1,\\2} n]} {}\n    return $n\n'),
          ],
          [bash("tclsh tests/all.tcl -match 'tally-2.*' 2>&1 | tail -n 4", 'Run money tests')],
          [bash(tests, 'Run tcltest')],
          [bash(commit, 'Commit')],
          [say('tally-2.1 засагдсан. tally-3.2 л унасан хэвээр (чиний хэлсэнчлэн дараа). Commit хийгээгүй.')],
        ],
        refuse: { [commit]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Tcl tally: crash on malformed rows fixed, money formatting fixed; the ISO week test still fails.',
          intent: 'Fix the crashing tally script and the failing tests without changing expected values in tests/.',
          concepts: ['Tcl 8.6', 'tcltest', 'regexp/regsub'],
          files: ['lib/tally.tcl: skip malformed rows; thousands grouping', 'bin/tally.tcl: prints skipped count'],
          errors: ['Script crashed on rows with an empty price; now skipped', 'money test fixed'],
          solving: 'Malformed rows are counted as skipped; money groups digits in a loop.',
          messages: ['Fix the crash; leave test expectations alone', 'Fix 2.1, 3.2 later', 'Refused the commit'],
          pending: ['tally-3.2 (ISO week)'],
          current: 'Tests: one failing.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `${jsonReq}. ${pure}`,
        model: [
          [
            say(`${json.alternative} байвал амар ч ${json.reason} дүрмийн дагуу ${json.choice}. Хотын нэр UTF-8 хэвээр гарна.`),
            edit(
              'bin/tally.tcl',
              'if {[llength $argv] != 1} {\n    puts stderr "usage: tclsh bin/tally.tcl ORDERS.csv"\n    exit 2\n}\nset r [tally::summarize [lindex $argv 0]]\n',
              'set asJson 0\nif {[lindex $argv 0] eq "--json"} {\n    set asJson 1\n    set argv [lrange $argv 1 end]\n}\n' +
                'if {[llength $argv] != 1} {\n    puts stderr "usage: tclsh bin/tally.tcl ?--json? ORDERS.csv"\n    exit 2\n}\nset r [tally::summarize [lindex $argv 0]]\n' +
                'if {$asJson} {\n    set parts {}\n    dict for {city amount} [dict get $r byCity] {\n        lappend parts [format {"%s":%d} $city $amount]\n    }\n' +
                '    puts [format {{"rows":%d,"skipped":%d,"total":%d,"byCity":{%s}}} [dict get $r rows] [dict get $r skipped] [dict get $r total] [join $parts ,]]\n    exit 0\n}\n',
            ),
          ],
          [bash('tclsh bin/tally.tcl --json data/orders.csv | cut -c1-120', 'Run with --json')],
          [
            edit(
              'README.md',
              '    tclsh bin/tally.tcl data/orders.csv\n',
              '    tclsh bin/tally.tcl data/orders.csv\n    tclsh bin/tally.tcl --json data/orders.csv   # JSON, tcllib-гүй\n',
            ),
          ],
          [bash('tclsh tests/all.tcl 2>&1 | tail -n 6', 'Run tcltest')],
          [say('`--json` нэмсэн, tcllib-гүй. tclsh tests/all.tcl: tally-3.2 л унасан хэвээр.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Tcl tally: --json added by hand; ISO week test still failing.',
          intent: 'Tally fixes and a --json option, plain Tcl 8.6, no tcllib; tests/ expectations unchanged.',
          concepts: ['Tcl', 'tcltest', 'hand-built JSON'],
          files: ['lib/tally.tcl', 'bin/tally.tcl: --json'],
          errors: ['Week test still failing'],
          solving: 'JSON assembled with format.',
          messages: ['Add --json; no tcllib'],
          pending: ['tally-3.2'],
          current: '--json works.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
