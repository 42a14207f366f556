// A chatty Japanese user (polite です/ます, English tech words mixed in) on a shell + SQLite ETL driven by a
// Makefile: the POS's monthly CSVs (data/raw) are loaded into build/dev.db and checked against the
// accounting figures. `make load` fails with `make: *** [Makefile:12: load] Error 1`; the line right above
// it is a harmless-looking `loaded N` and the real cause (sqlite3's "Parse error … 7 columns but 8 values")
// sits two lines above: a quoted product name with a comma, split by an awk one-liner. FPAT is tried (mawk
// ignores it) and backed out; the awk one-liner is replaced by sqlite3 `.import --csv`. A summary table
// is built, a read-only look at the production database is refused, the May file brings duplicates, the
// agent asks a multiple-choice question and the user answers with the option's text; the May check stays
// failing (accounting's figure differs). The user's rule comes in Japanese inside a longer message
// ("本番のdbファイルには絶対に書き込まないでください"). Three /compact: after the fix, after the summary,
// and at the end. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const PRODUCTS = [
  ['4901234500017', 'おにぎり 鮭', 150],
  ['4901234500024', 'おにぎり 梅', 130],
  ['4901234500031', '緑茶 500ml', 140],
  ['4901234500048', 'ボールペン 黒', 110],
  ['4901234500055', 'ノート A5', 180],
  ['4901234500062', 'フェイスタオル', 450],
  ['4901234500079', '洗剤 詰め替え', 398],
  ['4901234500086', 'カップ麺 しょうゆ', 198],
  ['4901234500093', '乾電池 単3 4本', 498],
  ['4901234500109', 'ハンドクリーム', 680],
];
const GIFT = ['4901234500116', 'ギフトセット（タオル, 石けん）', 3300];
const STORES = Array.from({ length: 12 }, (_, i) => `S${String(i + 1).padStart(3, '0')}`);

/** One month of POS lines: a few dozen a day over twelve stores, now and then a return (quantity -1). */
function month(ym, days, perDay, seed) {
  let s = seed;
  const rand = () => ((s = (s * 48271) % 2147483647), s / 2147483647);
  const rows = [];
  for (let d = 1; d <= days; d++) {
    const hi = `${ym}-${String(d).padStart(2, '0')}`;
    const n = perDay + Math.floor(rand() * 7) - 3;
    for (let j = 1; j <= n; j++) {
      const tenpo = STORES[Math.floor(rand() * STORES.length)];
      const [jan, name, price] = PRODUCTS[Math.floor(rand() * PRODUCTS.length)];
      let qty = 1 + Math.floor(rand() * 4);
      if (rand() < 0.02) qty = -1;
      rows.push({
        hi,
        tenpo,
        denpyo: `${tenpo}-${hi.slice(2).replaceAll('-', '')}-${String(j).padStart(4, '0')}`,
        jan,
        name,
        qty,
        kingaku: qty * Number(price),
      });
    }
  }
  return rows;
}
const csvField = (v) => (/[",]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
const csv = (rows) =>
  '日付,店舗コード,伝票番号,JANコード,商品名,数量,金額\n' +
  rows.map((r) => [r.hi, r.tenpo, r.denpyo, r.jan, r.name, r.qty, r.kingaku].map(csvField).join(',')).join('\n') +
  '\n';

function posData() {
  const mar = month('2025-03', 31, 30, 20250301);
  const apr = month('2025-04', 30, 31, 20250401);
  // One gift set sold on 2025-04-13; its name has a comma, so the POS export quotes it.
  const at = apr.findIndex((r) => r.hi === '2025-04-13');
  apr.splice(at + 5, 0, { hi: '2025-04-13', tenpo: 'S007', denpyo: 'S007-250413-0099', jan: GIFT[0], name: GIFT[1], qty: 1, kingaku: Number(GIFT[2]) });
  const may = month('2025-05', 31, 32, 20250501);
  // The POS re-sent all of 2025-04-30 at the top of the May file.
  const resent = apr.filter((r) => r.hi === '2025-04-30');
  const sum = (rows) => rows.reduce((a, r) => a + r.kingaku, 0);
  return {
    mar: csv(mar),
    apr: csv(apr),
    may: csv([...resent, ...may]),
    n: { mar: mar.length, apr: apr.length, may: may.length, mayFile: resent.length + may.length, giftLine: mar.length + at + 6 },
    // Accounting's May figure has 6,500 yen the POS file does not.
    keiri: { mar: sum(mar), apr: sum(apr), may: sum(may) + 6500 },
  };
}

const POS = posData();

const AWK_LINE =
  '\tawk -F, -v q="\'" \'FNR > 1 { v = q $$1 q; for (i = 2; i <= NF; i++) v = v "," q $$i q; print "INSERT INTO uriage VALUES (" v ");" } ' +
  'END { print "SELECT " q "loaded " q " || count(*) FROM uriage;" }\' $(RAW) | sqlite3 $(DB)\n';

const MAKEFILE =
  '# 売上ETL: POSの月次CSV (data/raw) → build/dev.db（開発用）→ 突き合わせ\n' +
  '# 本番DB ($(PROD_DB)) への反映は make install だけ。課長の確認後に手で実行する。\n' +
  'DB      := build/dev.db\nMONTHS  := 2025-03 2025-04\nRAW     := $(MONTHS:%=data/raw/uriage_%.csv)\nPROD_DB := /srv/uriage/uriage.db\n\n' +
  '.PHONY: all load check install\nall: load check\nload: $(RAW) sql/schema.sql\n' +
  '\trm -f $(DB) && mkdir -p build && sqlite3 $(DB) < sql/schema.sql\n' +
  AWK_LINE +
  '\ncheck:\n\tsh scripts/check.sh $(DB) checks/keiri.tsv\n\ninstall: check\n\tcp $(DB) $(PROD_DB)\n';

const SCHEMA =
  '-- POSの売上明細。1行 = 伝票の1明細。\nCREATE TABLE uriage (\n  hi        TEXT NOT NULL,     -- 日付 YYYY-MM-DD\n  tenpo     TEXT NOT NULL,     -- 店舗コード\n' +
  '  denpyo_no TEXT PRIMARY KEY,  -- 伝票番号（店舗-日付-連番）\n  jan       TEXT NOT NULL,     -- JANコード\n  shohin    TEXT NOT NULL,     -- 商品名\n' +
  '  suryo     INTEGER NOT NULL,  -- 数量（返品はマイナス）\n  kingaku   INTEGER NOT NULL   -- 金額（円、税込）\n);\n';

const CHECK =
  '#!/bin/sh\n# 月別の売上合計を経理の数字 (checks/keiri.tsv: 月<TAB>金額) と突き合わせる。NG が1つでもあれば exit 1。\n' +
  'db=$1\nkeiri=$2\nng=0\ntab=$(printf \'\\t\')\nwhile IFS="$tab" read -r month expected; do\n  [ "$month" = "month" ] && continue\n' +
  '  got=$(sqlite3 "$db" "SELECT coalesce(sum(kingaku), 0) FROM uriage WHERE substr(hi, 1, 7) = \'$month\'")\n' +
  '  if [ "$got" = 0 ]; then\n    echo "-- $month 未取込"\n  elif [ "$got" = "$expected" ]; then\n    echo "OK $month 売上合計 $got"\n' +
  '  else\n    echo "NG $month 売上合計 $got / 経理 $expected (差額 $((got - expected)))"\n    ng=1\n  fi\ndone < "$keiri"\nexit $ng\n';

const README =
  '# uriage-etl\n\nPOSの月次CSVを SQLite に取り込んで、経理の数字と突き合わせます。\n\n    make load    # data/raw → build/dev.db\n    make check   # checks/keiri.tsv と突き合わせ\n\n' +
  '本番DBへの反映 (`make install`) は課長の確認後のみ。\n';

const SUMMARY_SQL =
  '-- 店舗別・月別の売上集計。make summary で毎回作り直す（Excel から ODBC で読む）。\nDROP TABLE IF EXISTS uriage_summary;\nCREATE TABLE uriage_summary AS\n' +
  'SELECT substr(hi, 1, 7) AS tsuki,\n       tenpo,\n       count(*)     AS meisai,\n       sum(suryo)   AS suryo,\n       sum(kingaku) AS kingaku\n' +
  'FROM uriage\nGROUP BY tsuki, tenpo\nORDER BY tsuki, tenpo;\n';

export const scenario = {
  name: 'sqlite-etl-japanese-chatty',
  about:
    'held out: chatty polite Japanese user, shell + SQLite ETL with a Makefile; make: *** [Makefile:12: load] Error 1 with the real cause two lines above; FPAT tried under mawk and backed out; an awk one-liner replaced by sqlite3 .import; a refused read of the production db; a multiple-choice question answered with the option text; May check left failing; counts from select count(*); three /compact',
  requires: ['sqlite3', 'make', 'awk', 'git'],
  files: {
    '.gitignore': 'build/\n',
    'README.md': README,
    Makefile: MAKEFILE,
    'sql/schema.sql': SCHEMA,
    'scripts/check.sh': CHECK,
    'checks/keiri.tsv': `month\ttotal\n2025-03\t${POS.keiri.mar}\n2025-04\t${POS.keiri.apr}\n2025-05\t${POS.keiri.may}\n`,
    'data/raw/uriage_2025-03.csv': POS.mar,
    'data/raw/uriage_2025-04.csv': POS.apr,
    'data/raw/uriage_2025-05.csv': POS.may,
  },
  build(k, { edit, write }) {
    const fix = k.request('make load が失敗する原因を調べて直していただけますか');
    const prod = k.constraint('本番のdbファイルには絶対に書き込まないでください');
    const raw = k.constraint('data/raw のCSVは手で直さないでください');
    k.error(`Parse error near line ${POS.n.giftLine}: table uriage has 7 columns but 8 values were supplied`, 'resolved');
    k.error('make: *** [Makefile:12: load] Error 1', 'resolved');
    const fpat = k.rejected('FPAT', 'mawk ignores FPAT');
    const importCsv = k.decision(
      'let the sqlite3 shell read the CSV with .import',
      'it already parses quoted fields the way the POS writes them',
      'a quote-aware CSV parser written in awk',
    );
    k.file('Makefile');
    k.number(String(POS.n.mar));
    k.number(String(POS.n.apr));
    k.number(String(POS.n.mar + POS.n.apr));
    const summaryReq = k.request('店舗別・月別の売上集計テーブルを作っていただけますか');
    const table = k.decision('a real table rebuilt by make summary', 'Excel reads it over ODBC many times a day', 'a view over uriage');
    k.file('sql/summary.sql');
    k.number('68306');
    const refusal = k.refusal('本番のdbは読むのもやめてください。ロックがかかると夜間バッチが止まってしまうので');
    const may = k.request('5月分のデータ（data/raw/uriage_2025-05.csv）も取り込んで、件数を確認していただけますか');
    k.error('INSERT failed: UNIQUE constraint failed: uriage.denpyo_no', 'resolved');
    k.number(String(POS.n.mar + POS.n.apr + POS.n.may));
    k.number(String(POS.n.may));
    const staging = k.decision(
      'import each file into a staging table and INSERT OR IGNORE from there',
      'the duplicates can be counted before they are dropped',
      '.import straight into uriage and let the UNIQUE errors scroll by',
    );
    k.file('sql/schema.sql');
    k.number(String(POS.n.mayFile));
    k.error('NG 2025-05', 'unresolved');
    k.lastRequest(may);
    k.check('make check', 'failing');
    k.not('rejected', importCsv.choice, 'the loader that was kept is not a dead end');
    k.not('constraints', '最初の行を残す', "the user's answer to the agent's question, not a standing rule");
    k.not('errors', 'ロックがかかると夜間バッチが止まってしまう', "a user's refusal is not a tool error");
    k.not('constraints', may, 'a request is not a standing rule');
    k.not('rejected', table.alternative, 'weighed in thinking, never tried');

    const first =
      'お疲れさまです！売上ETLの件でご相談させてください🙇 昨日から make load が途中で止まるようになってしまいました。' +
      '店舗システムの方から「4月分のPOSデータから、商品名にカンマが入ることがある」と聞いているのですが、関係あるかどうかは正直よく分かっていません… ' +
      `お手数ですが、${fix}？ 環境は普通の Linux で、awk と sqlite3 と make だけです。\n\n` +
      `それから大事なお願いなのですが、${prod}。夜間バッチが参照しているので、何かあると翌朝の売上レポートが出せなくなってしまいます。確認はすべて build/dev.db でお願いします。` +
      `あと、${raw}（POSから毎月そのまま届くものなので）。よろしくお願いいたします！`;
    const second =
      'ありがとうございます、原因まで説明していただいてとても助かりました！😊 .import は知らなかったです。\n\n' +
      `次のお願いです。${summaryReq}？ 課長が Excel から直接見たいそうで、ODBC で dev.db のコピーを読む予定です。Makefile に make summary のような target があると嬉しいです。`;
    const third = `完璧です、ありがとうございます！最後に、${may}？ 今朝届いたばかりの file です。`;
    const answer = '「最初の行を残す」でお願いします。4月分はもう経理で締めてしまっているので、4月のファイルの方を正としたいです。';

    const load = (n) => `make load 2>&1 | tail -n ${n}`;
    const prodRead = 'sqlite3 -readonly /srv/uriage/uriage.db "SELECT tsuki, tenpo, kingaku FROM uriage_summary ORDER BY kingaku DESC LIMIT 3"';
    const importLines =
      '\tfor f in $(RAW); do sqlite3 $(DB) ".import --csv --skip 1 $$f uriage" || exit 1; done\n\t@sqlite3 $(DB) "SELECT \'loaded \' || count(*) FROM uriage"\n';
    const stagingLoop =
      '\tfor f in $(RAW); do \\\n\t  sqlite3 $(DB) "DELETE FROM uriage_staging" ".import --csv --skip 1 $$f uriage_staging" \\\n' +
      "\t    \"SELECT '$$f: ' || count(*) || ' 行, うち重複 ' || coalesce(sum(denpyo_no IN (SELECT denpyo_no FROM uriage)), 0) FROM uriage_staging\" \\\n" +
      '\t    "INSERT OR IGNORE INTO uriage SELECT * FROM uriage_staging" || exit 1; \\\n\tdone\n';
    const perMonth = 'sqlite3 build/dev.db "select substr(hi, 1, 7) as tsuki, count(*) from uriage group by 1"';

    return [
      {
        user: first,
        model: [
          [think('Reproduce it first, the tail of the output is enough.'), bash(load(8), 'make load を再現')],
          [
            think(
              'The last line before make gives up reads like success ("loaded …"), but make stops with Error 1 on Makefile:12, which is the exit status of sqlite3 at the end of the pipe. ' +
                'The real message is the Parse error two lines above it: one INSERT got 8 values for a 7-column table. The user mentioned commas in product names. Find the rows whose field count is off.',
            ),
            bash(`awk -F, 'FNR > 1 && NF != 7 { print FILENAME ":" FNR ": " NF " fields: " $0 }' data/raw/*.csv`, 'カンマの数がおかしい行を探す'),
          ],
          [
            think(
              'One row: the POS quotes the gift set name because of its comma, and awk -F, knows nothing about quotes. gawk has FPAT for exactly this; try it in the recipe.',
            ),
            edit('Makefile', '\tawk -F, -v q="\'" \'', '\tawk -v FPAT=\'([^,]*)|("[^"]*")\' -v q="\'" \''),
          ],
          [bash(load(6), 'make load を再実行')],
          [think('Worse: every row fails now. Which awk is this?'), bash('awk -W version 2>&1 | head -n 1', 'awk の種類を確認')],
          [
            think(
              `mawk. ${fpat.why[0].toUpperCase()}${fpat.why.slice(1)}: -v FPAT=... only sets an ordinary variable, and without -F, it splits on blanks. Back out the Makefile.`,
            ),
            bash('git checkout -- Makefile && git status --short', 'FPAT の変更を戻す'),
          ],
          [
            think(
              `Two ways left. ${importCsv.alternative[0].toUpperCase()}${importCsv.alternative.slice(1)} is possible in mawk with a loop over the characters, but that is a ` +
                `program nobody wants to maintain inside a Makefile recipe. Or ${importCsv.choice}: ${importCsv.reason}, and .import --csv --skip 1 into the existing table ` +
                'keeps the schema and its PRIMARY KEY. That one; one sqlite3 call per month file.',
            ),
            edit('Makefile', AWK_LINE, importLines),
          ],
          [bash(load(4), 'make load を再実行')],
          [bash(`${perMonth} && sqlite3 build/dev.db "select count(*) from uriage"`, '件数を確認')],
          [bash('make check', '経理の数字と突き合わせ')],
          [
            say(
              '直りました！原因と対応をまとめます。\n\n' +
                '**原因**\n- `make: *** [Makefile:12: load]` のすぐ上の `loaded …` は正常そうに見えますが、本当のエラーはその2行上の sqlite3 の Parse error でした。\n' +
                '- 4月13日のギフトセットの商品名にカンマが入っていて、POS はその項目をダブルクォートで囲んでいます。awk の一行スクリプト（`-F,`）はクォートを知らないので、その行だけ列が8つに分かれていました。\n\n' +
                '**試したこと**\n- awk の FPAT を試しましたが、このサーバーの awk は mawk で FPAT に対応していないため、元に戻しました。\n\n' +
                '**対応**\n- awk の一行スクリプトをやめて、sqlite3 の `.import --csv` で CSV を直接取り込むようにしました（Makefile の load ターゲット）。\n' +
                '- 3月・4月とも取り込めて、`make check` も OK です。\n\n本番のdbには一切触れていません。data/raw のCSVもそのままです。',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Japanese user; POS CSV → SQLite ETL with make. make load failed on a quoted product name with a comma; fixed by loading with the sqlite3 shell instead of awk.',
          intent: 'Find out why make load fails and fix it. Never write to the production database; do not edit data/raw by hand.',
          concepts: ['GNU make', 'mawk', 'sqlite3 .import --csv', 'CSV quoting'],
          files: ['Makefile: load target uses .import'],
          errors: ['make load failed: a quoted field with a comma gave an INSERT too many values; fixed'],
          solving: 'An awk field-pattern approach did not work with this awk and was reverted.',
          messages: ['make load fails; please investigate and fix. Do not write to the production db; do not edit data/raw by hand'],
          pending: [],
          current: 'March and April load; make check OK.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: second,
        model: [
          [
            think(
              `Table or view. ${table.alternative[0].toUpperCase()}${table.alternative.slice(1)} would redo the GROUP BY on every refresh, and ${table.reason}; ` +
                `${table.choice} is read as it is, and running it after make load keeps it current. The table.`,
            ),
            write('sql/summary.sql', SUMMARY_SQL),
          ],
          [edit('Makefile', '.PHONY: all load check install\n', '.PHONY: all load summary check install\n')],
          [edit('Makefile', '\ncheck:\n', '\nsummary:\n\tsqlite3 $(DB) < sql/summary.sql\n\ncheck:\n')],
          [
            bash(
              'make summary && sqlite3 -header -column build/dev.db "select * from uriage_summary order by kingaku desc limit 3"',
              '集計テーブルを作って上位を表示',
            ),
          ],
          [bash('sqlite3 build/dev.db "select count(*) from uriage_summary"', '集計の行数')],
          [
            think('Worth comparing the top stores with what the nightly batch has in production; -readonly, nothing written.'),
            bash(prodRead, '本番の集計と比較（読み取りのみ）'),
          ],
          [
            say(
              '承知しました、本番のdbには読み取りも含めて触れません。失礼しました🙇\n\n' +
                '集計テーブルはできています：\n- `sql/summary.sql` で `uriage_summary`（月・店舗ごとの明細数、数量、金額）を作り直します。\n' +
                '- `make summary` で実行できます（`make load` のあとに）。\n- view ではなく実テーブルにしたので、Excel から何度読んでも毎回集計し直すことはありません。',
            ),
          ],
        ],
        refuse: { [prodRead]: `${refusal}、比較は不要です。` },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Japanese user; ETL with make and sqlite3. After the load fix, a per-store monthly summary table was added.',
          intent: 'Fix make load; add a store/month summary for Excel. Never write to the production db; leave data/raw as delivered.',
          concepts: ['sqlite3', 'make targets', 'summary table vs view'],
          files: ['Makefile: load via .import; summary target', 'sql/summary.sql: uriage_summary'],
          errors: ['Earlier: the awk loader split a quoted field; fixed'],
          solving: 'Summary as a table rebuilt by make summary. The user declined any look at the production db.',
          messages: ['Earlier messages are in the previous summary', 'Build a store/month summary table (make summary)', 'Refused reading the production db'],
          pending: [],
          current: 'make summary works.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: third,
        model: [
          [think('Add May to MONTHS and load everything again.'), edit('Makefile', 'MONTHS  := 2025-03 2025-04\n', 'MONTHS  := 2025-03 2025-04 2025-05\n')],
          [bash(load(6), 'make load（5月分込み）')],
          [bash(perMonth, '月別の件数')],
          [bash("head -n 3 data/raw/uriage_2025-05.csv; grep -c '^2025-04-30' data/raw/uriage_2025-05.csv", '5月ファイルの先頭を確認')],
          [
            think(
              'The May file starts with the whole of 2025-04-30 again: the POS re-sent that day. .import keeps the row that is already there (from the April file) and reports each copy as a failed INSERT. ' +
                'Which copy wins is the user’s call, the April books may be closed.',
            ),
            say(
              '5月分を取り込みました（月別の件数は上のとおりです）。\n\nただ、5月のファイルの先頭に **4月30日の伝票がそのまま入っていて**（POS の再送のようです）、伝票番号が4月分と重複しています。' +
                '今は先に入った4月ファイルの行が残り、5月ファイル側の重複行は UNIQUE エラーで弾かれている状態です。\n\n重複の扱いはどうしましょうか？\n\n' +
                '1. 後から来た行で上書きする（5月のファイルを優先）\n2. 最初の行を残す（4月のファイルを優先）\n3. 重複があったらエラーにして止める',
            ),
          ],
        ],
      },
      {
        user: answer,
        model: [
          [
            think(
              `Keep the first row. Two ways: ${staging.alternative} — it already keeps the first row, but the output fills with one error per duplicate and nobody can tell how many were dropped; ` +
                `or ${staging.choice}, so ${staging.reason}. The staging table.`,
            ),
            edit(
              'sql/schema.sql',
              '  kingaku   INTEGER NOT NULL   -- 金額（円、税込）\n);\n',
              '  kingaku   INTEGER NOT NULL   -- 金額（円、税込）\n);\n\n-- .import の受け皿。1ファイルずつ入れて、uriage にまだない伝票だけ移す（先に入った行が残る）。\n' +
                'CREATE TABLE uriage_staging (hi TEXT, tenpo TEXT, denpyo_no TEXT, jan TEXT, shohin TEXT, suryo INTEGER, kingaku INTEGER);\n',
            ),
          ],
          [edit('Makefile', '\tfor f in $(RAW); do sqlite3 $(DB) ".import --csv --skip 1 $$f uriage" || exit 1; done\n', stagingLoop)],
          [bash(load(5), 'make load（staging 経由）')],
          [bash('sqlite3 build/dev.db "select count(*) from uriage"', '件数を確認')],
          [bash('make summary check 2>&1 | tail -n 6', '集計と突き合わせ')],
          [
            think(
              'May differs from accounting, and in the other direction from what the re-sent day would explain: those rows are not counted in May at all. Accounting has more than the POS file, ' +
                'probably something entered on their side. Nothing to fix in the data, and data/raw stays as delivered.',
            ),
            say(
              '「最初の行を残す」で実装しました。\n\n- `make load` は各ファイルをいったん `uriage_staging` に `.import` し、`uriage` にまだない伝票だけを `INSERT OR IGNORE` で移します。先に入った4月ファイルの行が残ります。\n' +
                '- ファイルごとに「N 行, うち重複 M」と出るので、重複が何件捨てられたか分かります。\n\n' +
                '**ひとつ気になる点**: `make check` で 2025-05 が NG です。POS の合計が経理の数字より少なく、重複分（4月30日）は5月の合計には入っていないので、再送とは関係なさそうです。' +
                '経理側で手入力された伝票があるのかもしれません。データ側では直せないので、経理の方に確認していただけますか？\n\n本番のdbと data/raw には触れていません。',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Japanese user; ETL with make and sqlite3. May loaded; duplicates from a re-sent day keep the first row; the May check differs from accounting.',
          intent: 'Fix make load, add a summary table, load May and check the counts. Never write to the production db; leave data/raw as delivered.',
          concepts: ['sqlite3 .import into a staging table', 'INSERT OR IGNORE', 'make check against accounting figures'],
          files: ['Makefile: May in MONTHS; load through uriage_staging', 'sql/schema.sql: uriage_staging'],
          errors: ['Duplicate receipt numbers in the May file; handled by keeping the first row', 'make check: May differs from accounting'],
          solving: 'The user chose to keep the first row.',
          messages: ['Earlier messages are in the previous summaries', 'Load May and check the counts', 'Keep the first row (April is closed)'],
          pending: ['Accounting to explain the May difference'],
          current: 'May loaded; make check fails on May.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
