// A plain-javac project (a shop's receipt calculator in satang, no Gradle, no JUnit: a hand-written
// reflection test runner) and a Thai-speaking user. A compile error (cannot find symbol) and a
// NullPointerException with its stack trace are fixed. The VAT rounding is settled in thinking by
// weighing two designs, with no choice word. A golden-file helper is written, fails because the receipt
// prints the time, and is deleted with the reason said. The user answers the agent's questions with
// "อันแรก" and "ได้", which are never the last request. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const LINE_ITEM = 'public record LineItem(String name, int qty, long priceSatang) {\n    long totalSatang() {\n        return qty * priceSatang;\n    }\n}\n';

const RECEIPT =
  'import java.io.IOException;\nimport java.nio.file.Files;\nimport java.nio.file.Path;\nimport java.time.LocalDateTime;\nimport java.time.format.DateTimeFormatter;\n' +
  'import java.util.ArrayList;\nimport java.util.HashMap;\nimport java.util.List;\nimport java.util.Map;\n\n' +
  "/** A shop receipt: line items from the till's CSV export, money in satang (1 baht = 100 satang). */\npublic class Receipt {\n" +
  '    final List<LineItem> items = new ArrayList<>();\n\n' +
  '    static Receipt parse(List<String> lines) {\n        Receipt receipt = new Receipt();\n        String[] header = lines.get(0).split(",");\n' +
  '        for (String line : lines.subList(1, lines.size())) {\n            if (line.isBlank()) continue;\n            String[] cells = line.split(",", -1);\n' +
  '            Map<String, String> row = new HashMap<>();\n            for (int i = 0; i < header.length && i < cells.length; i++) row.put(header[i].trim(), cells[i].trim());\n' +
  '            receipt.items.add(new LineItem(row.get("name"), Integer.parseInt(row.get("qty")), parseSatang(row.get("price"))));\n        }\n        return receipt;\n    }\n\n' +
  '    static long parseSatang(String baht) {\n        String[] parts = baht.split("\\\\.");\n        long satang = Long.parseLong(parts[0]) * 100;\n' +
  '        if (parts.length > 1) satang += Long.parseLong((parts[1] + "0").substring(0, 2));\n        return satang;\n    }\n\n' +
  '    long subtotalSatang() {\n        long sum = 0;\n        for (LineItem item : items) sum += item.totalSatang();\n        return sum;\n    }\n\n' +
  '    static String baht(long satang) {\n        return String.format("%,d.%02d", satang / 100, satang % 100);\n    }\n\n' +
  '    void print() {\n        System.out.println("ร้านป้าแดง  " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));\n' +
  '        System.out.println("items     " + items.size());\n        System.out.println("subtotal  " + baht(subtotalSatang()));\n    }\n\n' +
  '    public static void main(String[] args) throws IOException {\n        parse(Files.readAllLines(Path.of(args[0]))).print();\n    }\n}\n';

const RUNNER =
  'import java.lang.reflect.InvocationTargetException;\nimport java.lang.reflect.Method;\n\n' +
  '/** A tiny test runner: every static void test*() method of ReceiptTest, in name order. */\npublic class TestRunner {\n' +
  '    public static void main(String[] args) throws Exception {\n        int passed = 0, failed = 0;\n' +
  '        Method[] methods = ReceiptTest.class.getDeclaredMethods();\n        java.util.Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));\n' +
  '        for (Method m : methods) {\n            if (!m.getName().startsWith("test")) continue;\n            try {\n                m.invoke(null);\n' +
  '                System.out.println("PASS " + m.getName());\n                passed++;\n            } catch (InvocationTargetException e) {\n' +
  '                Throwable cause = e.getCause();\n                System.out.println("FAIL " + m.getName() + ": " + cause);\n' +
  '                if (!(cause instanceof AssertionError)) cause.printStackTrace(System.out);\n                failed++;\n            }\n        }\n' +
  '        System.out.println(passed + " passed, " + failed + " failed");\n        if (failed > 0) System.exit(1);\n    }\n}\n';

const TESTS =
  'import java.util.List;\n\npublic class ReceiptTest {\n' +
  '    static void check(boolean ok, String what) {\n        if (!ok) throw new AssertionError(what);\n    }\n\n' +
  '    static void testParseSatang() {\n        check(Receipt.parseSatang("12.5") == 1250, "12.5 baht");\n        check(Receipt.parseSatang("40") == 4000, "40 baht");\n    }\n\n' +
  '    static void testOldCsvWithoutDiscountColumn() {\n        Receipt r = Receipt.parse(List.of("name,qty,price", "ข้าวผัด,2,45.00"));\n' +
  '        check(r.subtotalSatang() == 9000, "2 x 45.00");\n    }\n\n' +
  '    static void testBahtFormat() {\n        check(Receipt.baht(123456).equals("1,234.56"), "1,234.56");\n    }\n}\n';

const ORDER = [
  'name,qty,price,discount',
  'ข้าวผัดกุ้ง,3,65.00,',
  'ผัดกะเพราหมูสับ,4,55.00,5.00',
  'ต้มยำกุ้ง,2,180.00,',
  'ส้มตำไทย,5,45.00,',
  'ไก่ทอด,2,120.00,10.00',
  'ชาเย็น,8,35.00,',
  'น้ำเปล่า,12,10.00,',
  'ข้าวเหนียวมะม่วง,3,89.00,4.50',
  'แกงเขียวหวาน,2,95.00,',
  'ข้าวสวย,10,12.00,',
  'โอเลี้ยง,4,25.00,',
  'ปลากะพงนึ่งมะนาว,1,350.00,30.00',
].join('\n');

// What `java -cp out Receipt samples/order-1042.csv` prints for samples/order-1042.csv.
const FIGURES = { subtotal: '2,667.00', discount: '49.50', net: '2,617.50', vat: '183.23', total: '2,800.73' };

export const scenario = {
  name: 'java-thai-runner',
  about:
    'held out: javac + hand-written reflection test runner, Thai user; compile error and NullPointerException trace fixed; decision by weighing two designs with no choice word; golden-file helper created and deleted; "อันแรก"/"ได้" answers',
  requires: ['javac', 'java', 'git'],
  files: {
    '.gitignore': 'out/\n',
    'README.md':
      '# receipt\n\nใบเสร็จร้านป้าแดง\n\n    javac -d out src/*.java test/*.java && java -cp out TestRunner\n    java -cp out Receipt samples/order-1042.csv\n',
    'src/LineItem.java': LINE_ITEM,
    'src/Receipt.java': RECEIPT,
    'test/TestRunner.java': RUNNER,
    'test/ReceiptTest.java': TESTS,
    'samples/order-1042.csv': ORDER + '\n',
  },
  build(k, { edit, write }) {
    const vatReq = k.request('เพิ่มส่วนลดต่อรายการ (คอลัมน์ discount) และคำนวณ VAT 7% ในใบเสร็จ');
    const noDouble = k.constraint('ห้ามใช้ double กับเงิน ใช้ long หน่วยสตางค์เท่านั้น');
    k.error('error: cannot find symbol', 'resolved');
    k.error('java.lang.NullPointerException: Cannot invoke "String.isBlank()"', 'resolved');
    k.file('src/LineItem.java');
    k.file('src/Receipt.java');
    k.file('test/ReceiptTest.java');
    const vat = k.decision('VAT rounded once on the subtotal', 'the tax invoice shows one VAT figure computed from the net total', 'VAT rounded on every line');
    const printReq = k.request('พิมพ์ใบเสร็จจาก samples/order-1042.csv ให้ดู แล้วเพิ่มเทสต์ที่เช็คผลลัพธ์ทั้งใบ');
    const noSamples = k.constraint('อย่าแก้ไฟล์ใน samples/ เพราะเป็นไฟล์จริงจากเครื่องคิดเงินของร้าน');
    k.number(FIGURES.subtotal);
    k.number(FIGURES.discount);
    k.number(FIGURES.net);
    k.number(FIGURES.vat);
    k.number(FIGURES.total);
    const golden = k.rejected('golden-file comparison', 'the receipt header prints the current time, so a stored copy can never match');
    k.error('java.lang.AssertionError: differs from test/golden/order-1042.txt');
    const totals = k.decision(
      'assert on the totals lines only',
      'they are the part of the printout the shop owner checks against the till',
      'injecting a fixed clock into Receipt',
    );
    k.check('java -cp out TestRunner', 'passing');
    k.lastRequest(printReq);
    k.not('constraints', vatReq, 'a request is not a standing rule');
    k.not('rejected', vat.alternative, 'only weighed in thinking, never tried in a tool call');
    k.not('decisions', 'Build and run the tests first', 'an intention, not a decision');
    k.not('constraints', printReq, 'a request is not a standing rule');

    const first =
      `สวัสดีครับ โปรเจกต์ใบเสร็จร้านป้าแดง (Java ล้วน คอมไพล์ด้วย javac ไม่มี Gradle เทสต์รันด้วย TestRunner ที่เขียนเอง) ${vatReq} ` +
      `ไฟล์เก่าที่ไม่มีคอลัมน์ discount ต้องยังอ่านได้นะครับ และ${noDouble}`;
    const third = `${printReq} ${noSamples}`;

    const build = 'mkdir -p out && javac -encoding UTF-8 -d out src/*.java test/*.java 2>&1 && java -cp out TestRunner';
    const run = 'java -cp out Receipt samples/order-1042.csv';

    const discountTests =
      '\n    static void testDiscountColumn() {\n        Receipt r = Receipt.parse(List.of("name,qty,price,discount", "ไก่ทอด,2,120.00,10.00"));\n' +
      '        check(r.items.get(0).discount() == 1000, "discount 10.00");\n        check(r.discountSatang() == 1000, "receipt discount");\n    }\n';
    const vatTests =
      '\n    static void testVatOnNetTotal() {\n        Receipt r = Receipt.parse(List.of("name,qty,price,discount", "ชาเย็น,3,35.00,", "ไก่ทอด,1,120.00,10.00"));\n' +
      '        check(r.vatSatang() == 1505, "7% of 215.00 = 15.05");\n        check(r.totalSatang() == 23005, "total 230.05");\n    }\n';
    const goldenHelper =
      'import java.io.IOException;\nimport java.nio.file.Files;\nimport java.nio.file.Path;\n\n' +
      '/** Golden-file comparison: the printed receipt must equal a stored copy, line for line. */\npublic class Golden {\n' +
      '    static void assertMatches(String goldenPath, String actual) throws IOException {\n        String expected = Files.readString(Path.of(goldenPath));\n' +
      '        if (!expected.equals(actual)) throw new AssertionError("differs from " + goldenPath + ":\\n" + actual);\n    }\n}\n';
    const capture =
      '\n    static String printed(Receipt r) {\n        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();\n        java.io.PrintStream old = System.out;\n' +
      '        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));\n        try {\n            r.print();\n        } finally {\n            System.setOut(old);\n        }\n' +
      '        return buf.toString(java.nio.charset.StandardCharsets.UTF_8);\n    }\n';
    const goldenTest =
      '\n    static void testReceiptMatchesGolden() throws Exception {\n        Receipt r = Receipt.parse(java.nio.file.Files.readAllLines(java.nio.file.Path.of("samples/order-1042.csv")));\n' +
      '        Golden.assertMatches("test/golden/order-1042.txt", printed(r));\n    }\n';
    const totalsTest =
      '\n    static void testOrder1042Totals() throws Exception {\n        Receipt r = Receipt.parse(java.nio.file.Files.readAllLines(java.nio.file.Path.of("samples/order-1042.csv")));\n' +
      '        check(r.netSatang() == 261750 && r.totalSatang() == 280073, "net and total in satang");\n' +
      '        String out = printed(r);\n        check(out.contains("total     " + Receipt.baht(r.totalSatang()) + "\\n"), "total line");\n    }\n';

    return [
      {
        user: first,
        model: [
          [think('Build and run the tests first.'), bash(build, 'Compile and run the tests')],
          [
            think('Three tests pass. The discount goes on LineItem as satang, like the price; the receipt sums it.'),
            write(
              'src/LineItem.java',
              'public record LineItem(String name, int qty, long priceSatang, long discountSatang) {\n    long totalSatang() {\n        return qty * priceSatang;\n    }\n}\n',
            ),
          ],
          [
            edit(
              'src/Receipt.java',
              '            receipt.items.add(new LineItem(row.get("name"), Integer.parseInt(row.get("qty")), parseSatang(row.get("price"))));\n',
              '            long discount = row.get("discount").isBlank() ? 0 : parseSatang(row.get("discount"));\n' +
                '            receipt.items.add(new LineItem(row.get("name"), Integer.parseInt(row.get("qty")), parseSatang(row.get("price")), discount));\n',
            ),
          ],
          [
            edit(
              'src/Receipt.java',
              '    static String baht(long satang) {',
              '    long discountSatang() {\n        long sum = 0;\n        for (LineItem item : items) sum += item.discountSatang();\n        return sum;\n    }\n\n    static String baht(long satang) {',
            ),
          ],
          [
            edit(
              'test/ReceiptTest.java',
              '        check(Receipt.baht(123456).equals("1,234.56"), "1,234.56");\n    }\n',
              '        check(Receipt.baht(123456).equals("1,234.56"), "1,234.56");\n    }\n' + discountTests,
            ),
          ],
          [bash(build, 'Compile and run the tests')],
          [
            say('ชื่อ accessor ของ record คือ discountSatang() ไม่ใช่ discount() แก้ในเทสต์ครับ'),
            edit('test/ReceiptTest.java', 'r.items.get(0).discount() == 1000', 'r.items.get(0).discountSatang() == 1000'),
          ],
          [bash(build, 'Compile and run the tests')],
          [
            think('The old-format test: the row map has no "discount" key at all, so get() returns null before isBlank(). Default it to the empty string.'),
            edit(
              'src/Receipt.java',
              '            long discount = row.get("discount").isBlank() ? 0 : parseSatang(row.get("discount"));\n',
              '            String rawDiscount = row.getOrDefault("discount", "");\n            long discount = rawDiscount.isBlank() ? 0 : parseSatang(rawDiscount);\n',
            ),
          ],
          [bash(build, 'Compile and run the tests')],
          [
            think(
              `Now the 7%. Two designs. ${vat.alternative}: each line could show its own tax, but seven-percent of many small lines rounds a satang here and there, and the sum of the lines drifts from 7% of the total. ` +
                `${vat.choice}: ${vat.reason}, so the printed VAT is exactly what the shop files. The second keeps the invoice and the receipt in agreement; the first only helps a per-line display nobody asked for. ` +
                "Still open: half-up or banker's rounding at the half satang. That one is the shop's call.",
            ),
            edit(
              'src/Receipt.java',
              '    static String baht(long satang) {',
              '    long netSatang() {\n        return subtotalSatang() - discountSatang();\n    }\n\n    long vatSatang() {\n        return (netSatang() * 7 + 50) / 100;\n    }\n\n' +
                '    long totalSatang() {\n        return netSatang() + vatSatang();\n    }\n\n    static String baht(long satang) {',
            ),
          ],
          [
            edit(
              'test/ReceiptTest.java',
              '        check(r.discountSatang() == 1000, "receipt discount");\n    }\n',
              '        check(r.discountSatang() == 1000, "receipt discount");\n    }\n' + vatTests,
            ),
          ],
          [bash(build, 'Compile and run the tests')],
          [
            say(
              'เพิ่มคอลัมน์ discount แล้ว (ไฟล์เก่าที่ไม่มีคอลัมน์นี้ก็อ่านได้) และ VAT 7% คิดครั้งเดียวจากยอดสุทธิหลังหักส่วนลด ทุกอย่างเป็น long หน่วยสตางค์ เทสต์ผ่านหมดครับ\n\n' +
                "คำถามหนึ่งข้อ: ถ้า VAT ออกมาเศษครึ่งสตางค์พอดี จะปัดแบบไหนดีครับ\n1. ปัดขึ้น (half-up) แบบที่ทำไว้ตอนนี้\n2. ปัดแบบ banker's (ไปหาเลขคู่)",
            ),
          ],
        ],
      },
      {
        user: 'อันแรก',
        model: [
          [
            think('Half-up stays as it is: (net * 7 + 50) / 100. Show it on the receipt.'),
            edit(
              'src/Receipt.java',
              '        System.out.println("subtotal  " + baht(subtotalSatang()));\n',
              '        System.out.println("subtotal  " + baht(subtotalSatang()));\n        System.out.println("discount  " + baht(discountSatang()));\n' +
                '        System.out.println("net       " + baht(netSatang()));\n        System.out.println("VAT 7%    " + baht(vatSatang()));\n        System.out.println("total     " + baht(totalSatang()));\n',
            ),
          ],
          [bash(build, 'Compile and run the tests')],
          [say('ใช้แบบปัดขึ้นตามเดิมครับ และใบเสร็จพิมพ์ส่วนลด ยอดสุทธิ VAT และยอดรวมแล้ว')],
        ],
      },
      {
        user: third,
        model: [
          [bash(run, 'Print the receipt for order 1042')],
          [think('A test over the whole printout: store this output as a golden file and compare.'), write('test/Golden.java', goldenHelper)],
          [bash(`mkdir -p test/golden && ${run} > test/golden/order-1042.txt && cat test/golden/order-1042.txt`, 'Store the golden copy')],
          [edit('test/ReceiptTest.java', '    static void testBahtFormat() {', `${capture.slice(1)}${goldenTest}\n    static void testBahtFormat() {`)],
          [bash(`sleep 1 && ${build}`, 'Compile and run the tests')],
          [
            say(`ใช้ไม่ได้ครับ: ${golden.why} ลบ helper กับไฟล์ golden ทิ้ง`),
            bash('rm test/Golden.java && rm -r test/golden && git status --short', 'Delete the golden-file helper'),
          ],
          [
            think(
              `Without the golden file: either ${totals.alternative} so the header is stable, or ${totals.choice}. ` +
                `The clock would add a constructor argument to every caller for a test's sake, and ${totals.reason}. Totals only.`,
            ),
            edit('test/ReceiptTest.java', goldenTest, totalsTest),
          ],
          [bash(build, 'Compile and run the tests')],
          [say('ใบเสร็จ order 1042 อยู่ด้านบนครับ เทสต์ใหม่ testOrder1042Totals เช็คบรรทัดยอดสุทธิและยอดรวม ไม่ได้แตะ samples/ เทสต์ผ่านหมด จะให้ commit เลยไหมครับ?')],
        ],
      },
      {
        user: 'ได้',
        model: [
          [bash('git add -A && git commit -qm "receipt: per-item discount, VAT 7% on the net total" && git log --oneline -1', 'Commit')],
          [say('commit แล้วครับ')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Thai-speaking user, plain javac project with a hand-written test runner. Added discounts and VAT, printed a sample receipt, added a totals test.',
          intent: 'Add a per-item discount column and 7% VAT to the receipt; money as long satang only; then print order 1042 and test the printout.',
          concepts: ['Java records', 'reflection test runner', 'satang arithmetic', 'half-up rounding'],
          files: [
            'src/LineItem.java: discountSatang component',
            'src/Receipt.java: discount, net, VAT, total; printed lines',
            'test/ReceiptTest.java: discount, VAT and order-1042 totals tests',
          ],
          errors: ['A compile error in the new test; fixed', 'Old CSVs without the discount column crashed; fixed'],
          solving: 'A whole-printout comparison did not work and was removed; the test checks totals lines instead.',
          messages: [
            'Add discount and VAT 7%, long satang only',
            'Chose option 1 (half-up)',
            'Print order 1042 and add a test; do not edit samples/',
            'Agreed to commit',
          ],
          pending: [],
          current: 'Committed.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
