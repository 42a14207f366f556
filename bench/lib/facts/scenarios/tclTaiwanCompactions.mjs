// A Traditional-Chinese (Taiwan) user on a small Tcl package (twdate: ROC/民國 dates and national ID
// check digits) tested with tcltest (`tclsh tests/all.tcl`, whose summary reads
// `all.tcl: Total 12 Passed 10 Skipped 0 Failed 2`). The model thinks partly in Chinese and partly in
// English and answers in Chinese; one decision is stated only in its Chinese reply ("我選擇 X，而不是
// Y，因為 …"). The two failing ID tests come from an ASCII-based letter mapping; the converter dies on
// `can't read "y": no such variable` (with its `while executing` trace) when a line matches neither
// date pattern; `clock scan` is tried for the new dash format and abandoned because it silently rolls
// 113/02/30 over to March 1st; bad lines are then collected instead of aborting the run. The user's
// rule "不要改 API 的名稱" answers the agent's rename suggestion; a `git add -A` that would commit the
// converted data is refused. Numbers from `wc -l`, the converter's totals and tcltest's totals. Three
// compactions (two mid-session, one at the end). Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const NAMES = ['王小明', '陳美玲', '林志豪', '張雅婷', '李冠宇', '黃淑芬', '吳家豪', '劉怡君', '蔡宗翰', '楊佳穎', '許文彬', '鄭惠雯'];
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Sales lines "113/05/20,王小明,1200"; 113 has the new POS's dash dates; a few lines no parser can read. */
function salesFile(rocYear, lines, seedStart) {
  let seed = seedStart;
  const rand = (n) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const leap = (rocYear + 1911) % 4 === 0;
  const out = [];
  let bad = 0;
  let firstBad;
  for (let i = 0; i < lines; i++) {
    const month = 1 + Math.floor((i * 12) / lines);
    const dim = DAYS[month - 1] + (month === 2 && leap ? 1 : 0);
    const day = 1 + rand(dim);
    const mm = String(month).padStart(2, '0');
    const dd = String(day).padStart(2, '0');
    let date;
    const r = i % 211;
    if (r === 17 || r === 118) {
      date = `${rocYear}.${mm}.${dd}`; // typed by hand
      bad++;
    } else if (r === 64) {
      date = `${rocYear}/02/30`;
      bad++;
    } else if (rocYear === 113 && month >= 4 && i % 5 < 2) date = `${rocYear}-${mm}-${dd}`;
    else date = `${rocYear}/${mm}/${dd}`;
    if (firstBad === undefined && (r === 17 || r === 118 || r === 64)) firstBad = date;
    out.push(`${date},${NAMES[rand(NAMES.length)]},${100 + rand(9900)}`);
  }
  return { text: out.join('\n') + '\n', lines, bad, converted: lines - bad, firstBad };
}

const Y112 = salesFile(112, 2987, 11203);
const Y113 = salesFile(113, 3214, 11305);

const LIB = `# twdate: 民國日期和身分證字號的小工具
package provide twdate 1.2

namespace eval ::twdate {
    namespace export rocToIso isoToRoc checkId
}

# "113/05/20" 或 "民國113年5月20日" -> "2024-05-20"
proc ::twdate::rocToIso {s} {
    set s [string trim $s]
    if {![regexp {^(\\d{2,3})/(\\d{1,2})/(\\d{1,2})$} $s -> y m d]} {
        regexp {^民國(\\d{2,3})年(\\d{1,2})月(\\d{1,2})日$} $s -> y m d
    }
    set year [expr {$y + 1911}]
    scan $m %d m
    scan $d %d d
    if {$m < 1 || $m > 12 || $d < 1 || $d > [DaysIn $year $m]} {
        error "no such date: $s"
    }
    return [format %04d-%02d-%02d $year $m $d]
}

# "2024-05-20" -> "113/05/20"
proc ::twdate::isoToRoc {s} {
    if {![regexp {^(\\d{4})-(\\d{2})-(\\d{2})$} $s -> y m d]} {
        error "not an ISO date: $s"
    }
    scan $y %d y
    return [format %03d/%s/%s [expr {$y - 1911}] $m $d]
}

proc ::twdate::DaysIn {year month} {
    set days [lindex {31 28 31 30 31 30 31 31 30 31 30 31} [expr {$month - 1}]]
    if {$month == 2 && $year % 4 == 0 && ($year % 100 != 0 || $year % 400 == 0)} {
        incr days
    }
    return $days
}

# 身分證字號檢查碼: 1 代表正確, 0 代表錯誤
proc ::twdate::checkId {id} {
    if {![regexp {^([A-Z])([12]\\d{8})$} $id -> letter digits]} {
        return 0
    }
    # 字母轉成兩位數: A=10, B=11, ...
    set n [expr {[scan $letter %c] - 55}]
    set sum [expr {$n / 10 + ($n % 10) * 9}]
    foreach w {8 7 6 5 4 3 2 1 1} c [split $digits ""] {
        incr sum [expr {$w * $c}]
    }
    return [expr {$sum % 10 == 0}]
}
`;

const ALL = `package require tcltest 2.5
namespace import ::tcltest::*
configure {*}$argv -testdir [file dirname [file normalize [info script]]]
runAllTests
`;

const HEAD = `package require tcltest 2.5
namespace import ::tcltest::*
source [file join [file dirname [file normalize [info script]]] .. lib twdate.tcl]
`;

const ROCDATE = `${HEAD}
test rocdate-1.1 {slash format} {
    ::twdate::rocToIso 113/05/20
} 2024-05-20

test rocdate-1.2 {Chinese format} {
    ::twdate::rocToIso 民國113年5月20日
} 2024-05-20

test rocdate-1.3 {two-digit year} {
    ::twdate::rocToIso 99/1/3
} 2010-01-03

test rocdate-1.4 {leap day} {
    ::twdate::rocToIso 113/02/29
} 2024-02-29

test rocdate-1.5 {a day that does not exist} -body {
    ::twdate::rocToIso 113/02/30
} -returnCodes error -result {no such date: 113/02/30}

test rocdate-2.1 {iso to roc} {
    ::twdate::isoToRoc 2024-05-20
} 113/05/20

cleanupTests
`;

const CHECKID = `${HEAD}
test checkid-1.1 {valid, A} {::twdate::checkId A123456789} 1
test checkid-1.2 {valid, F} {::twdate::checkId F131452094} 1
test checkid-1.3 {valid, W} {::twdate::checkId W221038749} 1
test checkid-1.4 {valid, J} {::twdate::checkId J297301553} 1
test checkid-1.5 {valid, Y} {::twdate::checkId Y288204613} 1
test checkid-2.1 {wrong check digit} {::twdate::checkId A123456788} 0

cleanupTests
`;

const ROC2ISO = `# 用法: tclsh bin/roc2iso.tcl FILE...
# 把每一行第一欄的民國日期換成西元日期，寫到 out/ 底下同名的檔案。
source [file join [file dirname [file normalize [info script]]] .. lib twdate.tcl]

file mkdir out
foreach path $argv {
    set in [open $path r]
    fconfigure $in -encoding utf-8
    set out [open [file join out [file tail $path]] w]
    fconfigure $out -encoding utf-8
    set n 0
    while {[gets $in line] >= 0} {
        set fields [split $line ,]
        lset fields 0 [::twdate::rocToIso [lindex $fields 0]]
        puts $out [join $fields ,]
        incr n
    }
    close $in
    close $out
    puts "$path: $n lines"
}
`;

const README = `# twdate

民國日期和身分證字號的 Tcl 小工具（Tcl 8.6，不需要其他套件）。

\`\`\`tcl
source lib/twdate.tcl
::twdate::rocToIso 113/05/20        ;# 2024-05-20
::twdate::isoToRoc 2024-05-20       ;# 113/05/20
::twdate::checkId A123456789        ;# 1
\`\`\`

測試: \`tclsh tests/all.tcl\`

把銷售資料的日期轉成西元: \`tclsh bin/roc2iso.tcl data/*.txt\`（輸出在 out/）
`;

export const scenario = {
  name: 'tcl-taiwan-compactions',
  about:
    'held out: Traditional-Chinese (Taiwan) user, Tcl package tested with tcltest (all.tcl: Total 12 Passed 10 Skipped 0 Failed 2), thinking partly in Chinese, a decision only in the Chinese reply (我選擇…而不是…因為); can\'t read "y": no such variable with its while-executing trace fixed; clock scan tried and abandoned; the rule 不要改 API 的名稱; a refused git add -A; wc -l, converter and tcltest totals; three compactions',
  requires: ['tclsh', 'git', 'wc'],
  // A Taiwanese developer's terminal: tclsh reads the sources (民國 in the regexps) as UTF-8.
  env: { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  files: {
    '.gitignore': '*~\n',
    'README.md': README,
    'lib/twdate.tcl': LIB,
    'bin/roc2iso.tcl': ROC2ISO,
    'tests/all.tcl': ALL,
    'tests/rocdate.test': ROCDATE,
    'tests/checkid.test': CHECKID,
    'data/112.txt': Y112.text,
    'data/113.txt': Y113.text,
  },
  build(k, { edit, read }) {
    const failing = k.request('幫我看一下為什麼有兩個測試沒過');
    k.error('==== checkid-1.5 valid, Y FAILED', 'resolved');
    const table = k.decision('用官方順序的字母表查位置', '字母對應的數字不是照字母順序排的', '用 ASCII 碼直接換算');
    // Stated in the model's Chinese reply, not in its thinking.
    k.facts.at(-1).places = ['text'];
    k.file('lib/twdate.tcl');
    const dash = k.request('也要支援 113-05-20 這種用橫線的格式');
    const convert = k.request('把 data 底下的檔案全部轉成西元');
    const noTcllib = k.constraint('不要拉 tcllib 進來');
    k.number(String(Y112.lines));
    k.number(String(Y113.lines));
    k.number(String(Y112.lines + Y113.lines));
    k.error('can\'t read "y": no such variable', 'resolved');
    const clock = k.rejected('clock scan', 'clock scan 會把不存在的日期自動往後進位');
    k.error('==== rocdate-1.5 a day that does not exist FAILED', 'resolved');
    const oneRegexp = k.decision('一個 regexp 用 [-/] 當分隔符號', '斜線和橫線只差在分隔符號', '再加一個 elseif 分支');
    k.file('tests/rocdate.test');
    k.error(`unrecognized ROC date: ${Y112.firstBad}`);
    const collect = k.decision(
      'catch the error per line and write the bad lines to out/rejected.txt',
      'one run shows every bad line instead of stopping at the first one',
      'aborting on the first unreadable line',
    );
    k.file('bin/roc2iso.tcl');
    k.number(String(Y112.converted + Y113.converted));
    k.number(String(Y112.bad + Y113.bad));
    const names = k.constraint('不要改 API 的名稱');
    const chinese = k.request('isoToRoc 加一個 -chinese 選項');
    k.number('16');
    const refusal = k.refusal('out/ 不要加進去，那是轉出來的資料，不能進版控');
    const readme = k.request('在 README 補上橫線格式跟 -chinese 的說明');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('tclsh tests/all.tcl', 'passing');
    k.not('rejected', table.choice, 'the fix that was kept is not a dead end');
    k.not('decisions', clock.what, 'tried and abandoned: a rejected approach');
    k.not('errors', '那是轉出來的資料', "a user's refusal is not a tool error");
    k.not('constraints', chinese, 'a request is not a standing rule');
    k.not('rejected', oneRegexp.alternative, 'weighed in thinking, never tried');

    const rocOld =
      '    if {![regexp {^(\\d{2,3})/(\\d{1,2})/(\\d{1,2})$} $s -> y m d]} {\n        regexp {^民國(\\d{2,3})年(\\d{1,2})月(\\d{1,2})日$} $s -> y m d\n    }\n' +
      '    set year [expr {$y + 1911}]\n    scan $m %d m\n    scan $d %d d\n    if {$m < 1 || $m > 12 || $d < 1 || $d > [DaysIn $year $m]} {\n' +
      '        error "no such date: $s"\n    }\n    return [format %04d-%02d-%02d $year $m $d]\n';
    const rocClock =
      '    if {![regexp {^(?:民國)?(\\d{2,3})[-/年](\\d{1,2})[-/月](\\d{1,2})日?$} $s -> y m d]} {\n        error "unrecognized ROC date: $s"\n    }\n' +
      '    # clock 會處理閏年和每個月的天數\n    set t [clock scan "[expr {$y + 1911}]-$m-$d" -format %Y-%m-%d -gmt 1]\n' +
      '    return [clock format $t -format %Y-%m-%d -gmt 1]\n';
    const rocFinal =
      '    if {![regexp {^(\\d{2,3})[-/](\\d{1,2})[-/](\\d{1,2})$} $s -> y m d]\n' +
      '            && ![regexp {^民國(\\d{2,3})年(\\d{1,2})月(\\d{1,2})日$} $s -> y m d]} {\n        error "unrecognized ROC date: $s"\n    }\n' +
      '    set year [expr {$y + 1911}]\n    scan $m %d m\n    scan $d %d d\n    if {$m < 1 || $m > 12 || $d < 1 || $d > [DaysIn $year $m]} {\n' +
      '        error "no such date: $s"\n    }\n    return [format %04d-%02d-%02d $year $m $d]\n';
    const loopOld =
      '    set n 0\n    while {[gets $in line] >= 0} {\n        set fields [split $line ,]\n        lset fields 0 [::twdate::rocToIso [lindex $fields 0]]\n' +
      '        puts $out [join $fields ,]\n        incr n\n    }\n    close $in\n    close $out\n    puts "$path: $n lines"\n}\n';
    const loopNew =
      '    set n 0\n    set bad 0\n    set lineNo 0\n    while {[gets $in line] >= 0} {\n        incr lineNo\n        set fields [split $line ,]\n' +
      '        if {[catch {::twdate::rocToIso [lindex $fields 0]} iso]} {\n            # 讀不懂的行不要中斷，全部記下來給人工處理\n' +
      '            puts $rejected "$path:$lineNo: $iso"\n            incr bad\n            continue\n        }\n        lset fields 0 $iso\n' +
      '        puts $out [join $fields ,]\n        incr n\n    }\n    close $in\n    close $out\n    puts "$path: $n converted, $bad unreadable"\n' +
      '    incr total $n\n    incr totalBad $bad\n}\nclose $rejected\nputs "total: $total converted, $totalBad unreadable (see out/rejected.txt)"\n';
    const tests = 'tclsh tests/all.tcl 2>&1 | tail -n 30';
    const addAll = 'git add -A && git commit -q -m "rocToIso: accept 113-05-20; isoToRoc -chinese; roc2iso collects unreadable lines" && git log --oneline -1';

    return [
      {
        user:
          '嗨～想請你幫個忙 🙏 我們有一個 Tcl 的小套件 twdate，處理民國日期跟身分證字號檢查碼的。跑 `tclsh tests/all.tcl` 最後面顯示有兩個 Failed，' +
          `${failing}？我看好像是身分證那邊的測試，可是我自己看不太出來是哪裡寫錯 😅`,
        model: [
          [think('使用者說有兩個測試沒過，先跑一次 tests/all.tcl 看是哪兩個，輸出比較長，看最後面就好。'), bash(tests, 'Run the tcltest suite')],
          [
            think(
              'checkid-1.4 (J) and checkid-1.5 (Y) fail; A, F and W pass. Both are valid IDs in the test, so checkId rejects good input. Look at how the letter turns into a number.',
            ),
            read('lib/twdate.tcl'),
          ],
          [
            think(
              'scan %c minus 55 gives consecutive codes from A. The official table is only consecutive up to H; after that it skips I, and I and O were appended at the end, ' +
                'with W, X, Y, Z in a different order. W happens to land on the right code, and K and O only pass because the checksum keeps the value mod 10. ' +
                '最簡單的修法是把官方順序寫成一串字母，用位置加 10。',
            ),
            say(
              '找到了，兩個失敗是同一個原因：`checkId` 用 ASCII 碼減 55 把第一個字母換成兩位數，這個算法只有 A 到 H 是對的。\n\n' +
                `我選擇${table.choice}，而不是${table.alternative}，因為${table.reason}（I 和 O 是後來才補在最後面的，W、X、Y、Z 的順序也跟字母表不一樣）。`,
            ),
            edit(
              'lib/twdate.tcl',
              '    # 字母轉成兩位數: A=10, B=11, ...\n    set n [expr {[scan $letter %c] - 55}]\n',
              '    # 字母轉成兩位數: 照內政部的順序，位置 + 10 就是代碼\n    set n [expr {[string first $letter ABCDEFGHJKLMNPQRSTUVXYWZIO] + 10}]\n',
            ),
          ],
          [bash('tclsh tests/all.tcl 2>&1 | tail -n 3', 'Run the tests again')],
          [
            say(
              '修好了，`tclsh tests/all.tcl` 全部通過 🎉\n\n' +
                '- **原因**：身分證第一個字母的代碼不是照 A、B、C 排下去的，舊的寫法只有 A～H 剛好對。\n' +
                '- **修改**：`lib/twdate.tcl` 的 `checkId` 改成用一串照官方順序排好的字母找位置。\n' +
                '- W 的測試原本就會過，是因為它的代碼剛好跟 ASCII 算出來的一樣；K、O 也會剛好過，只是沒有測試而已。要不要我順便幫 K、O 補測試？',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Taiwanese user; Tcl package twdate. Two failing national-ID tests came from the letter-to-code mapping; fixed.',
          intent: 'Find out why two tcltest tests fail and fix them.',
          concepts: ['Tcl 8.6', 'tcltest', 'Taiwan national ID check digit', 'ROC (民國) dates'],
          files: ['lib/twdate.tcl: checkId letter codes follow the official order'],
          errors: ['checkId rejected valid IDs starting with J and Y; fixed'],
          solving: 'The old mapping only worked for A–H.',
          messages: ['Why do two tests fail? (national ID tests)'],
          pending: [],
          current: 'All tests pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user:
          `太感謝了！K、O 的測試先不用。接下來有兩件事：門市換了新的 POS 機，匯出來的日期變成用橫線的，所以 rocToIso ${dash}。` +
          `然後幫我${convert}，用 bin/roc2iso.tcl 就可以，會計那邊要用。還有${noTcllib}喔，公司的伺服器上只有 Tcl 本身，什麼都不能裝。`,
        model: [
          [think('先看資料有多大，再直接跑一次轉換，看看現在會怎樣。'), bash('wc -l data/*.txt', 'Count the data lines')],
          [bash('tclsh bin/roc2iso.tcl data/*.txt 2>&1 | head -n 20', 'Run the converter as it is')],
          [
            think(
              'rocToIso: when a line matches neither regexp, the second regexp just returns 0 and y is never set, so the expr after it dies. ' +
                'So any line in another format kills the whole run, dash lines included. Two things to do: accept the dash, and fail with a real message otherwise. ' +
                'Idea: one regexp for all three shapes and let clock do the calendar work (leap years, days per month) instead of the hand-written DaysIn.',
            ),
            edit('lib/twdate.tcl', rocOld, rocClock),
          ],
          [bash('tclsh tests/all.tcl 2>&1 | grep -E "FAILED|Total"', 'Run the tests')],
          [bash("echo 'source lib/twdate.tcl; puts [::twdate::rocToIso 113/02/30]' | tclsh", 'What clock makes of a date that does not exist')],
          [
            say(
              `這個方向不行：${clock.why}，113/02/30 會直接變成三月一日，不會報錯，所以「不存在的日期」那個測試就過不了了。` +
                '會計資料裡打錯的日期如果被默默改成別天，比報錯還糟。我把它改回原本自己檢查天數的寫法。',
            ),
            edit('lib/twdate.tcl', rocClock, rocOld),
          ],
          [
            think(
              `接下來要怎麼支援橫線：${oneRegexp.alternative}，或是${oneRegexp.choice}。${oneRegexp.reason}，所以一個 regexp 就夠了；民國中文格式維持原本那個。` +
                '兩個都不符合的時候直接 error，不要讓 y 沒設定就往下跑。',
            ),
            edit('lib/twdate.tcl', rocOld, rocFinal),
          ],
          [
            edit(
              'tests/rocdate.test',
              'test rocdate-2.1 {iso to roc} {',
              'test rocdate-1.6 {dash format from the new POS} {\n    ::twdate::rocToIso 113-05-20\n} 2024-05-20\n\n' +
                'test rocdate-1.7 {not a date} -body {\n    ::twdate::rocToIso 113.05.20\n} -returnCodes error -result {unrecognized ROC date: 113.05.20}\n\n' +
                'test rocdate-2.1 {iso to roc} {',
            ),
          ],
          [bash('tclsh tests/all.tcl 2>&1 | tail -n 4', 'Run the tests')],
          [bash('tclsh bin/roc2iso.tcl data/*.txt 2>&1 | head -n 12', 'Run the converter again')],
          [
            think(
              'Now it stops at the first hand-typed date with a clear message, but it still stops, and whatever was written to out/ for that file is half a file. ' +
                `Options: ${collect.alternative}, which is what it does now, or ${collect.choice}. The second: ${collect.reason}, and the accountants can fix them all in one go. ` +
                'Counts per file and a total at the end.',
            ),
            edit('bin/roc2iso.tcl', loopOld, loopNew),
          ],
          [
            edit(
              'bin/roc2iso.tcl',
              'file mkdir out\nforeach path $argv {\n',
              'file mkdir out\nset rejected [open [file join out rejected.txt] w]\nfconfigure $rejected -encoding utf-8\nset total 0\nset totalBad 0\nforeach path $argv {\n',
            ),
          ],
          [bash('rm -rf out && tclsh bin/roc2iso.tcl data/*.txt && head -n 5 out/rejected.txt', 'Convert everything')],
          [
            say(
              '好了 👍\n\n' +
                '**橫線格式**：`rocToIso` 現在接受 `113/05/20` 和 `113-05-20`（還有原本的「民國113年5月20日」）。其他格式會丟出 `unrecognized ROC date: …`，' +
                '不會再因為變數沒設定而整個當掉。補了兩個測試，`tclsh tests/all.tcl` 全部通過。\n\n' +
                '**轉換**：`bin/roc2iso.tcl` 遇到讀不懂的日期不會停下來了，那幾行會寫到 `out/rejected.txt`（檔名:行號: 原因），最後印出總數。' +
                '被擋下來的主要是手打的 `112.01.04` 這種點號日期，還有幾筆 2 月 30 日，要請會計確認。\n\n' +
                '沒有用到 tcllib，只有 Tcl 8.6 內建的東西。\n\n' +
                '另外有個小建議：`rocToIso` / `isoToRoc` 的名字有點長，要不要改成 `::twdate::parse` / `::twdate::format`，讀起來比較一致？',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'twdate: the dash date format is supported; the converter collects bad lines; the agent suggested renaming the procs.',
          intent: 'Support the new POS dash dates in rocToIso and convert all data files to Gregorian dates. No tcllib, only Tcl itself.',
          concepts: ['Tcl regexp', 'tcltest', 'clock scan normalizes impossible dates'],
          files: [
            'lib/twdate.tcl: one regexp for slash and dash dates',
            'tests/rocdate.test: dash and not-a-date tests',
            'bin/roc2iso.tcl: bad lines to out/rejected.txt',
          ],
          errors: [
            'The converter died on an unset variable when a date matched no pattern; fixed',
            'A clock-based version broke the impossible-date test; reverted',
          ],
          solving: 'Collecting unreadable lines instead of aborting.',
          messages: ['Earlier messages are in the previous summary', 'Support dash dates; convert data/; no tcllib'],
          pending: ['Rename suggestion waits for the user'],
          current: 'Conversion done; counts printed.',
          next: 'Wait for the user.',
        }),
      },
      {
        user:
          `不要改名喔！！${names}，會計系統跟報表那邊都是直接呼叫 rocToIso 跟 isoToRoc 的，改了會一堆東西壞掉 😱 ` +
          `另外幫 ${chinese}，輸出像「民國113年5月20日」這種，報表要印的。改完幫我 commit 一下。`,
        model: [
          [
            think(
              'Names stay. isoToRoc gets an optional leading -chinese flag, so every existing call isoToRoc $date keeps working. ' +
                '中文格式的月和日不補零，民國年也不補零，用 scan 把前面的 0 拿掉。',
            ),
            edit(
              'lib/twdate.tcl',
              '# "2024-05-20" -> "113/05/20"\nproc ::twdate::isoToRoc {s} {\n',
              '# "2024-05-20" -> "113/05/20"; with -chinese -> "民國113年5月20日"\nproc ::twdate::isoToRoc {args} {\n    set chinese 0\n' +
                '    if {[lindex $args 0] eq "-chinese"} {\n        set chinese 1\n        set args [lrange $args 1 end]\n    }\n' +
                '    if {[llength $args] != 1} {\n        error {wrong # args: should be "isoToRoc ?-chinese? date"}\n    }\n    set s [lindex $args 0]\n',
            ),
          ],
          [
            edit(
              'lib/twdate.tcl',
              '    scan $y %d y\n    return [format %03d/%s/%s [expr {$y - 1911}] $m $d]\n',
              '    scan $y %d y\n    if {$chinese} {\n        scan $m %d m\n        scan $d %d d\n        return "民國[expr {$y - 1911}]年${m}月${d}日"\n    }\n' +
                '    return [format %03d/%s/%s [expr {$y - 1911}] $m $d]\n',
            ),
          ],
          [
            edit(
              'tests/rocdate.test',
              '} 113/05/20\n\ncleanupTests\n',
              '} 113/05/20\n\ntest rocdate-2.2 {iso to roc, -chinese} {\n    ::twdate::isoToRoc -chinese 2024-05-20\n} 民國113年5月20日\n\n' +
                'test rocdate-2.3 {-chinese, two-digit year, no zero padding} {\n    ::twdate::isoToRoc -chinese 2010-01-03\n} 民國99年1月3日\n\ncleanupTests\n',
            ),
          ],
          [bash('tclsh tests/all.tcl 2>&1 | tail -n 3', 'Run the tests')],
          [think('All green. Commit everything.'), bash(addAll, 'Commit')],
          [
            think('out/ 是轉出來的資料，不能進 git。只加程式和測試，再把 out/ 放進 .gitignore 比較保險。'),
            bash("printf 'out/\\n' >> .gitignore && git add .gitignore lib bin tests && git status --short", 'Stage only the code'),
          ],
          [bash('git commit -q -m "rocToIso: accept 113-05-20; isoToRoc -chinese; roc2iso collects unreadable lines" && git log --oneline -1', 'Commit')],
          [
            say(
              '收到，名稱都不動 🙆 `rocToIso`、`isoToRoc`、`checkId` 都維持原樣。\n\n' +
                '- `isoToRoc -chinese 2024-05-20` → `民國113年5月20日`；不加 `-chinese` 的呼叫方式跟以前完全一樣。\n' +
                '- 補了兩個測試，全部通過。\n' +
                '- 已經 commit 了，只包含 `lib/`、`bin/`、`tests/` 和 `.gitignore`；`out/` 加進了 `.gitignore`，轉出來的資料不會進版控。',
            ),
          ],
        ],
        refuse: { [addAll]: refusal },
      },
      {
        user: `好～最後一個，${readme}，這樣其他人才知道怎麼用。謝謝你今天幫了超多忙 🙏`,
        model: [
          [
            edit(
              'README.md',
              '::twdate::rocToIso 113/05/20        ;# 2024-05-20\n::twdate::isoToRoc 2024-05-20       ;# 113/05/20\n',
              '::twdate::rocToIso 113/05/20        ;# 2024-05-20\n::twdate::rocToIso 113-05-20        ;# 2024-05-20（新 POS 機的橫線格式）\n' +
                '::twdate::isoToRoc 2024-05-20       ;# 113/05/20\n::twdate::isoToRoc -chinese 2024-05-20   ;# 民國113年5月20日\n',
            ),
          ],
          [
            edit(
              'README.md',
              '把銷售資料的日期轉成西元: `tclsh bin/roc2iso.tcl data/*.txt`（輸出在 out/）\n',
              '把銷售資料的日期轉成西元: `tclsh bin/roc2iso.tcl data/*.txt`（輸出在 out/，讀不懂的行寫在 out/rejected.txt）\n',
            ),
          ],
          [say('README 補好了：範例裡加了橫線格式和 `isoToRoc -chinese`，也寫了 `out/rejected.txt` 是什麼。不客氣，有問題再找我 😊')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'twdate: API names kept; isoToRoc has a -chinese option; committed without the converted data; README documents the dash format and -chinese.',
          intent: 'Fix the tests, support dash dates, convert data, add -chinese, commit, document it. No tcllib; never rename the API.',
          concepts: ['Tcl optional flags via args', 'tcltest'],
          files: ['lib/twdate.tcl: isoToRoc -chinese', 'tests/rocdate.test: two -chinese tests', '.gitignore: out/', 'README.md: dash format and -chinese'],
          errors: [],
          solving: 'The user refused committing out/; only the code was committed.',
          messages: [
            'Earlier messages are in the previous summaries',
            'Do not rename the API; add -chinese to isoToRoc; commit',
            'Document the dash format and -chinese in the README',
          ],
          pending: [],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
