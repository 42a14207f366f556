// A chatty Afrikaans-speaking user on a plain Java project (javac --release 11 + a main-based test runner
// printing OK/FAIL rows, run by `sh build.sh`): a nightly processor of the branches' daily report files.
// Thinking is in English, replies in Afrikaans. The agent starts the processor on the real incoming
// folder and the user stops it (Esc, with a correction: the processor moves the files, work on a copy).
// An empty report file crashes it with `Exception in thread "main" java.lang.NullPointerException` and a
// stack trace; a failing test row and a javac `cannot find symbol` come and go on the way to the fix.
// An archiver zips the processed files per day (the JDK's jar tool is tried first and dropped); `du -sh`
// before and after, and the processor's "verwerk N lêers" line, give the numbers. A `git push --force`
// after an amend is refused, and the plain push then fails for want of a remote. One mid-session /compact.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const TAKKE = [
  'stellenbosch',
  'paarl',
  'worcester',
  'george',
  'knysna',
  'oudtshoorn',
  'mosselbaai',
  'hermanus',
  'malmesbury',
  'vredenburg',
  'upington',
  'kimberley',
  'bloemfontein',
  'kroonstad',
  'potchefstroom',
  'rustenburg',
  'polokwane',
  'nelspruit',
  'pretoria',
  'centurion',
];
const PRODUKTE = ['brood', 'melk', 'eiers', 'koffie', 'suiker', 'mieliemeel', 'botter', 'rooibos', 'beskuit', 'appels', 'kaas', 'wors'];

function data() {
  let seed = 2026_0520;
  const rand = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const names = [];
  for (let i = 0; names.length < 173; i++) names.push(`${TAKKE[i % TAKKE.length]}-${String(1 + Math.floor(i / TAKKE.length)).padStart(2, '0')}`);
  const files = {};
  const today = { files: 0, records: 0, cents: 0, empty: 0 };
  for (const datum of ['2026-05-18', '2026-05-19', '2026-05-20']) {
    names.forEach((tak, index) => {
      const path = `${datum === '2026-05-20' ? 'data/inkomende' : 'data/klaar'}/${datum}_${tak}.csv`;
      // Three branches opened this week and send an empty file on a day without sales.
      if (datum === '2026-05-20' && [41, 97, 150].includes(index)) {
        files[path] = '';
        today.files++;
        today.empty++;
        return;
      }
      const lines = [`tak=${tak};datum=${datum}`];
      const n = 40 + Math.floor(rand() * 90);
      for (let r = 0; r < n; r++) {
        const produk = PRODUKTE[Math.floor(rand() * PRODUKTE.length)];
        const qty = 1 + Math.floor(rand() * 6);
        const cents = qty * (899 + Math.floor(rand() * 9000));
        lines.push(`${produk};${qty};${cents}`);
        if (datum === '2026-05-20') {
          today.records++;
          today.cents += cents;
        }
      }
      if (datum === '2026-05-20') today.files++;
      files[path] = lines.join('\n') + '\n';
    });
  }
  return { files, today };
}

const DATA = data();

const VERSLAG_LEES_V1 =
  '    public static Verslag lees(Path leer) throws IOException {\n' +
  '        try (BufferedReader in = Files.newBufferedReader(leer, StandardCharsets.UTF_8)) {\n' +
  '            String[] kop = in.readLine().split(";");\n' +
  '            Verslag v = new Verslag(waarde(kop[0]), waarde(kop[1]));\n';
const VERSLAG_LEES_V2 =
  '    public static Verslag lees(Path leer) throws IOException {\n' +
  '        try (BufferedReader in = Files.newBufferedReader(leer, StandardCharsets.UTF_8)) {\n' +
  '            String kopreel = in.readLine();\n' +
  '            if (kopreel == null) {\n' +
  "                // Die nagtelike uitvoer skryf 'n leë lêer vir 'n tak sonder verkope: nul rekords, nie 'n fout nie.\n" +
  '                Verslag leeg = vanLeerNaam(leer);\n' +
  '                leeg.leeg = true;\n' +
  '                return leeg;\n' +
  '            }\n' +
  '            String[] kop = kopreel.split(";");\n' +
  '            Verslag v = new Verslag(waarde(kop[0]), waarde(kop[1]));\n';
const VERSLAG_FIELDS_V1 = '    private int rekords;\n    private long totaalSent;\n';
const VERSLAG_FIELDS_V2 = '    private int rekords;\n    private long totaalSent;\n    private boolean leeg;\n';
const VERSLAG_ACCESSORS_V1 = '    public long totaalSent() {\n        return totaalSent;\n    }\n';
const VERSLAG_ACCESSORS_V2 =
  '    public long totaalSent() {\n        return totaalSent;\n    }\n\n' +
  "    /** Was die lêer leeg ('n tak sonder verkope)? */\n    public boolean leeg() {\n        return leeg;\n    }\n\n" +
  '    /** "2026-05-20_paarl-02.csv" → tak paarl-02, datum 2026-05-20. */\n    static Verslag vanLeerNaam(Path leer) {\n' +
  '        String naam = leer.getFileName().toString().replaceFirst("\\\\.csv$", "");\n' +
  '        return new Verslag(naam.substring(11), naam.substring(0, 10));\n    }\n';

const VERSLAG =
  'package takke;\n\nimport java.io.BufferedReader;\nimport java.io.IOException;\nimport java.nio.charset.StandardCharsets;\nimport java.nio.file.Files;\nimport java.nio.file.Path;\n\n' +
  '/** Een tak se daaglikse verslag: kopreël "tak=...;datum=...", dan reëls "produk;hoeveelheid;bedrag_sent". */\npublic class Verslag {\n' +
  '    private final String tak;\n    private final String datum;\n' +
  VERSLAG_FIELDS_V1 +
  '\n    Verslag(String tak, String datum) {\n        this.tak = tak;\n        this.datum = datum;\n    }\n\n' +
  VERSLAG_LEES_V1 +
  '            String reel;\n            while ((reel = in.readLine()) != null) {\n                if (reel.isBlank()) {\n                    continue;\n                }\n' +
  '                String[] dele = reel.split(";");\n                v.rekords++;\n                v.totaalSent += Long.parseLong(dele[2].trim());\n            }\n' +
  '            return v;\n        }\n    }\n\n' +
  "    static String waarde(String veld) {\n        return veld.substring(veld.indexOf('=') + 1).trim();\n    }\n\n" +
  '    public String tak() {\n        return tak;\n    }\n\n    public String datum() {\n        return datum;\n    }\n\n' +
  '    public int rekords() {\n        return rekords;\n    }\n\n' +
  VERSLAG_ACCESSORS_V1 +
  '\n    /** Bedrag in rand: 123456 sent → "R 1234,56". */\n    public static String rand(long sent) {\n        return String.format("R %d,%02d", sent / 100, sent % 100);\n    }\n}\n';

const VERWERKER_LOOP_V1 =
  '        for (Path leer : leers) {\n            Verslag v = Verslag.lees(leer);\n            rekords += v.rekords();\n            sent += v.totaalSent();\n';
const VERWERKER_LOOP_V2 =
  '        int leeg = 0;\n        for (Path leer : leers) {\n            Verslag v = Verslag.lees(leer);\n            if (v.isLeeg()) {\n                leeg++;\n            }\n' +
  '            rekords += v.rekords();\n            sent += v.totaalSent();\n';
const VERWERKER_PRINT_V1 = '        System.out.println("verwerk " + leers.size() + " lêers");\n';
const VERWERKER_PRINT_V2 = '        System.out.println("verwerk " + leers.size() + " lêers (leeg: " + leeg + ")");\n';

const VERWERKER =
  'package takke;\n\nimport java.io.IOException;\nimport java.nio.file.Files;\nimport java.nio.file.Path;\nimport java.nio.file.Paths;\nimport java.nio.file.StandardCopyOption;\n' +
  'import java.util.List;\nimport java.util.stream.Collectors;\nimport java.util.stream.Stream;\n\n' +
  '/** Verwerk die takke se daaglikse verslae: tel rekords en bedrae en skuif elke lêer na ../klaar. */\npublic class Verwerker {\n' +
  '    public static void main(String[] args) throws IOException {\n' +
  '        Path inkomende = Paths.get(args.length > 0 ? args[0] : "data/inkomende");\n        Path klaar = inkomende.resolveSibling("klaar");\n' +
  '        Files.createDirectories(klaar);\n        List<Path> leers;\n        try (Stream<Path> s = Files.list(inkomende)) {\n' +
  '            leers = s.filter(p -> p.toString().endsWith(".csv")).sorted().collect(Collectors.toList());\n        }\n' +
  '        int rekords = 0;\n        long sent = 0;\n' +
  VERWERKER_LOOP_V1 +
  '            Files.move(leer, klaar.resolve(leer.getFileName()), StandardCopyOption.REPLACE_EXISTING);\n        }\n' +
  VERWERKER_PRINT_V1 +
  '        System.out.println("rekords: " + rekords);\n        System.out.println("totaal: " + Verslag.rand(sent));\n    }\n}\n';

const TESTS_LAST = '        toets("leë reëls word oorgeslaan", () -> {\n';
const TEST_EMPTY =
  '        toets("leeLeer", () -> {\n            Path p = dir.resolve("2026-05-20_george-09.csv");\n            Files.writeString(p, "");\n' +
  '            Verslag v = Verslag.lees(p);\n            gelyk("george-09", v.tak());\n            gelyk("2026-05-20", v.datum());\n' +
  '            gelyk(0, v.rekords());\n        });\n';

const RUN_TESTS =
  'import java.nio.file.Files;\nimport java.nio.file.Path;\nimport java.util.Objects;\n\nimport takke.Verslag;\n\n' +
  '/** Ons eie klein toetsloper: een reël OK of FAIL per toets, dan die totaal. */\npublic class RunTests {\n' +
  '    interface Toets {\n        void run() throws Exception;\n    }\n\n    static int ok;\n    static int fail;\n\n' +
  '    static void toets(String naam, Toets t) {\n        try {\n            t.run();\n            ok++;\n            System.out.println("OK   " + naam);\n' +
  '        } catch (Throwable e) {\n            fail++;\n            System.out.println("FAIL " + naam + ": " + e);\n        }\n    }\n\n' +
  '    static void gelyk(Object verwag, Object kry) {\n        if (!Objects.equals(verwag, kry)) {\n            throw new AssertionError("verwag " + verwag + ", kry " + kry);\n        }\n    }\n\n' +
  '    public static void main(String[] args) throws Exception {\n        Path dir = Files.createTempDirectory("takke-toets");\n' +
  '        Path a = dir.resolve("2026-05-19_paarl-02.csv");\n        Files.writeString(a, "tak=paarl-02;datum=2026-05-19\\nbrood;3;4497\\nmelk;2;3198\\n");\n\n' +
  '        toets("tak", () -> gelyk("paarl-02", Verslag.lees(a).tak()));\n        toets("datum", () -> gelyk("2026-05-19", Verslag.lees(a).datum()));\n' +
  '        toets("rekords", () -> gelyk(2, Verslag.lees(a).rekords()));\n        toets("totaal", () -> gelyk(7695L, Verslag.lees(a).totaalSent()));\n' +
  '        toets("rand", () -> gelyk("R 1234,56", Verslag.rand(123456)));\n' +
  TESTS_LAST +
  '            Path b = dir.resolve("2026-05-19_knysna-01.csv");\n            Files.writeString(b, "tak=knysna-01;datum=2026-05-19\\n\\nkaas;1;8999\\n\\n");\n' +
  '            gelyk(1, Verslag.lees(b).rekords());\n        });\n\n' +
  '        System.out.println(ok + " OK, " + fail + " FAIL");\n        if (fail > 0) {\n            System.exit(1);\n        }\n    }\n}\n';

const ARGIEF =
  'package takke;\n\nimport java.io.IOException;\nimport java.io.OutputStream;\nimport java.nio.file.Files;\nimport java.nio.file.Path;\nimport java.nio.file.Paths;\n' +
  'import java.util.ArrayList;\nimport java.util.List;\nimport java.util.Map;\nimport java.util.TreeMap;\nimport java.util.stream.Stream;\nimport java.util.zip.ZipEntry;\nimport java.util.zip.ZipOutputStream;\n\n' +
  '/** Pak die verwerkte lêers per dag saam (klaar/2026-05-18_*.csv → argief/2026-05-18.zip) en vee die oorspronklikes uit. */\npublic class Argief {\n' +
  '    public static void main(String[] args) throws IOException {\n        Path klaar = Paths.get(args.length > 0 ? args[0] : "data/klaar");\n' +
  '        Path argief = Paths.get(args.length > 1 ? args[1] : "data/argief");\n        Files.createDirectories(argief);\n' +
  '        Map<String, List<Path>> perDag = new TreeMap<>();\n        try (Stream<Path> s = Files.list(klaar)) {\n' +
  '            s.filter(p -> p.toString().endsWith(".csv")).sorted()\n' +
  '                .forEach(p -> perDag.computeIfAbsent(p.getFileName().toString().substring(0, 10), d -> new ArrayList<>()).add(p));\n        }\n' +
  '        for (Map.Entry<String, List<Path>> dag : perDag.entrySet()) {\n            Path zip = argief.resolve(dag.getKey() + ".zip");\n' +
  '            try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {\n' +
  '                for (Path p : dag.getValue()) {\n                    out.putNextEntry(new ZipEntry(p.getFileName().toString()));\n                    Files.copy(p, out);\n                    out.closeEntry();\n                }\n            }\n' +
  '            for (Path p : dag.getValue()) {\n                Files.delete(p);\n            }\n' +
  '            System.out.println("argief: " + zip.getFileName() + " (" + dag.getValue().size() + " lêers)");\n        }\n    }\n}\n';

const BUILD =
  '#!/bin/sh\n# Bou alles en hardloop die toetse. Die bediener het Java 11, dus --release 11.\nset -e\nrm -rf out\n' +
  "javac -encoding UTF-8 --release 11 -d out $(find src test -name '*.java')\njava -cp out RunTests\n";

export const scenario = {
  name: 'java-afrikaans-chatty',
  about:
    'held out: chatty Afrikaans user, plain javac --release 11 + main-based OK/FAIL runner, English thinking; the user stops a run on the real data (Esc with a correction); NPE with stack trace fixed; cannot find symbol; jar tried and dropped; du -sh and "verwerk N lêers" numbers; git push --force refused; one mid-session /compact',
  requires: ['javac', 'java', 'git', 'du', 'unzip'],
  env: { LANG: 'C.UTF-8' },
  files: {
    '.gitignore': 'out/\nwerk/\n',
    'README.md':
      '# takke\n\nVerwerk die takke se daaglikse verslae.\n\n    sh build.sh                                  # bou en toets\n    java -cp out takke.Verwerker data/inkomende  # skuif verwerkte lêers na data/klaar\n',
    'build.sh': BUILD,
    'src/takke/Verslag.java': VERSLAG,
    'src/takke/Verwerker.java': VERWERKER,
    'test/RunTests.java': RUN_TESTS,
    ...DATA.files,
  },
  build(k, { edit, write }) {
    const crash = k.request('kyk hoekom die verwerker vanoggend omval');
    const jdk = k.constraint('net die JDK, geen Maven of ekstra jars nie');
    const java11 = k.constraint('dit moet op Java 11 bly loop');
    const stop = k.refusal(
      "Wag! Nie op data/inkomende nie, die verwerker skuif die lêers na data/klaar en dan moet ek hulle weer uit die rugsteun haal. Maak eers 'n kopie in werk/ en hardloop dit daar.",
    );
    k.error('Exception in thread "main" java.lang.NullPointerException', 'resolved');
    k.error('FAIL leeLeer', 'resolved');
    const empty = k.decision(
      'treat an empty file as a report with zero records and count it',
      'the nightly export writes an empty file for a branch that had no sales that day',
      'skipping zero-byte files before opening them',
    );
    k.error('error: cannot find symbol', 'resolved');
    k.file('src/takke/Verslag.java');
    k.file('src/takke/Verwerker.java');
    k.file('test/RunTests.java');
    k.number(String(DATA.today.files));
    k.number(String(DATA.today.records));
    const zipReq = k.request('pak asseblief die verwerkte lêers in data/klaar per dag in een zip saam in data/argief');
    const jar = k.rejected('jar --create --no-manifest', 'jar packs every day into one archive, so a day can no longer be kept or deleted on its own');
    const zipDecision = k.decision(
      'write the archiver with java.util.zip.ZipOutputStream, one zip per day',
      'it ships with the JDK, so nothing new has to be installed on the server',
      'calling the system zip command through ProcessBuilder',
    );
    k.file('src/takke/Argief.java');
    k.number('692K');
    k.number('1.4M');
    k.number('232K');
    const pushReq = k.request('Sit asseblief TAK-112 voor in die boodskap en push dit');
    const force = k.refusal("Nee wag, nie --force nie! Ons push nooit met force na main nie, Pieter se CI bou daarop. 'n Gewone push is reg.");
    k.error('fatal: No configured push destination.', 'unresolved');
    const readme = k.request("skryf asseblief 'n kort stukkie in die README oor hoe om die argief te maak");
    k.file('README.md');
    k.lastRequest(readme);
    k.check('sh build.sh', 'passing');
    k.not('constraints', zipReq, 'a request is not a standing rule');
    k.not('rejected', empty.choice, 'the approach that was kept is not a dead end');
    k.not('rejected', zipDecision.alternative, 'a dismissed alternative, never tried');
    k.not('errors', 'Pieter se CI bou daarop', "a user's refusal is not a tool error");
    k.not('numbers', '200', "the user's estimate of the number of branches, not a measurement");

    const build = 'sh build.sh 2>&1 | tail -n 15';
    const realRun = 'java -cp out takke.Verwerker data/inkomende 2>&1 | tail -n 20';
    const copyRun = 'rm -rf werk && mkdir -p werk && cp -r data/inkomende werk/ && java -cp out takke.Verwerker werk/inkomende 2>&1 | tail -n 20';
    const forcePush = 'git push --force';

    return [
      {
        user:
          "Goeiemôre! Ek hoop jy het 'n lekker naweek gehad 😊 Ek het 'n bietjie van 'n krisis hier: ons takverslae-verwerker het vanoggend omgeval toe die nagtelike lopie " +
          "die lêers van die takke wou verwerk, en nou sit die hoofkantoor sonder die syfers vir gister. Ons het omtrent 200 takke wat elke aand 'n lêer stuur. " +
          `Kan jy asseblief ${crash}? Die toetse loop met \`sh build.sh\`. O ja, en hou dit asseblief by ${jdk}, die bediener is baie toegesluit. ` +
          `En ${java11}, want die bediener het nog Java 11 en ons kry eers volgende jaar 'n nuwe een. As alles werk, commit dit sommer. Baie dankie!!`,
        model: [
          [think('Build and run the tests first to see the baseline.'), bash(build, 'Bou en toets')],
          [
            think('Tests are green, so the crash must come from the data. Run the processor the way the nightly job does.'),
            bash(realRun, 'Hardloop die verwerker'),
          ],
          [
            think(
              'The user stopped that: the processor moves each file to klaar, so running it on data/inkomende would empty the folder. Work on a copy in werk/ (it is in .gitignore).',
            ),
            say("Jammer, reg so. Ek werk op 'n kopie in werk/."),
            bash(copyRun, "Verwerker op 'n kopie"),
          ],
          [
            think('readLine() returned null for the header line: an empty file. Which files are empty?'),
            bash('find data/inkomende -size 0 | sort && ls werk/klaar | wc -l', 'Leë lêers'),
          ],
          [
            think(
              `Three branches sent zero-byte files. Two ways to go: ${empty.alternative}, or ${empty.choice}. ` +
                `The second: ${empty.reason}, and head office wants to see that the branch reported. Test first, then the fix.`,
            ),
            edit('test/RunTests.java', TESTS_LAST, TEST_EMPTY + TESTS_LAST),
          ],
          [bash(build, 'Bou en toets')],
          [
            think('The new test fails with the NPE as expected. Now the fix in Verslag.lees.'),
            edit('src/takke/Verslag.java', VERSLAG_LEES_V1, VERSLAG_LEES_V2),
          ],
          [edit('src/takke/Verslag.java', VERSLAG_FIELDS_V1, VERSLAG_FIELDS_V2)],
          [edit('src/takke/Verslag.java', VERSLAG_ACCESSORS_V1, VERSLAG_ACCESSORS_V2)],
          [think('And count the empty ones in the processor output.'), edit('src/takke/Verwerker.java', VERWERKER_LOOP_V1, VERWERKER_LOOP_V2)],
          [edit('src/takke/Verwerker.java', VERWERKER_PRINT_V1, VERWERKER_PRINT_V2)],
          [bash(build, 'Bou en toets')],
          [
            think('I called it isLeeg() in Verwerker but named the accessor leeg(). Use leeg().'),
            edit('src/takke/Verwerker.java', '            if (v.isLeeg()) {\n', '            if (v.leeg()) {\n'),
          ],
          [bash(build, 'Bou en toets')],
          [bash(copyRun.replace('tail -n 20', 'tail -n 5'), "Verwerker op 'n vars kopie")],
          [bash('git add src test && git commit -qm "Verwerker: hanteer leë lêers van takke sonder verkope" && git log --oneline -1', 'Commit')],
          [
            say(
              "Gevind! Drie takke het vanoggend 'n heeltemal leë lêer gestuur (dae sonder verkope), en `Verslag.lees` het die kopreël gelees sonder om te kyk of daar een is. " +
                "'n Leë lêer tel nou as 'n verslag met nul rekords, en die verwerker wys hoeveel leë lêers daar was. Daar is 'n nuwe toets daarvoor, alles is groen, en dit is gecommit. " +
                'Ek het net op die kopie in werk/ gewerk; data/inkomende is onaangeraak.',
            ),
          ],
        ],
        refuse: { [realRun]: stop },
      },
      {
        user:
          `Fantasties, baie dankie!! Die hoofkantoor is weer gelukkig 🙏 Nog iets terwyl ons hier is: die bediener se skyf raak vol. Hoeveel plek neem data/ nou op? ` +
          `En ${zipReq}, dan kan ons die ou dae later net uitvee. Toets dit asseblief ook eers op 'n kopie, jy weet nou al hoe ek oor die regte data voel 😅`,
        model: [
          [bash('du -sh data/inkomende data/klaar', 'Hoeveel plek')],
          [
            think('Quickest thing to try: the JDK already has the jar tool, which writes zip files. See what it gives on the copy.'),
            bash(
              'rm -rf werk && mkdir -p werk && cp -r data/klaar werk/ && mkdir -p werk/argief && jar --create --no-manifest --file werk/argief/alles.zip -C werk/klaar . && unzip -l werk/argief/alles.zip | tail -n 3',
              'Probeer jar op die kopie',
            ),
          ],
          [
            think(`Not this: ${jar.why}. It also leaves the originals in place. Throw it away and write a small archiver.`),
            bash('rm werk/argief/alles.zip && ls werk/argief | wc -l', 'Gooi die jar-poging weg'),
          ],
          [
            think(
              `Options for the archiver: ${zipDecision.alternative}, or ${zipDecision.choice}. The second: ${zipDecision.reason}. It deletes the originals only after the zip is closed.`,
            ),
            write('src/takke/Argief.java', ARGIEF),
          ],
          [bash(build, 'Bou en toets')],
          [bash('du -sh werk/klaar && java -cp out takke.Argief werk/klaar werk/argief && du -sh werk/klaar werk/argief', 'Argief op die kopie')],
          [bash('unzip -l werk/argief/2026-05-18.zip | tail -n 1', 'Kyk in een zip')],
          [
            say(
              'Die getalle van `du -sh` is hierbo: eers data/inkomende en data/klaar, en dan die kopie voor en ná die argivering. `takke.Argief` pak elke dag se lêers in een zip in die argief-gids en vee die oorspronklikes eers uit nadat die zip klaar geskryf is. ' +
                'Ek het dit net op werk/ gedraai; wil jy hê ek moet dit op data/klaar self hardloop?',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Afrikaans user; plain javac project; the processor crashed on empty branch files; archiver added.',
          intent:
            'Find why the processor crashed this morning; report disk use; zip processed files per day into data/argief. JDK only; must keep running on Java 11.',
          concepts: ['javac --release 11', 'main-based test runner (OK/FAIL)', 'java.util.zip'],
          files: [
            'src/takke/Verslag.java: empty file = zero records',
            'src/takke/Verwerker.java: counts empty files',
            'test/RunTests.java: leeLeer test',
            'src/takke/Argief.java: zip per day',
          ],
          errors: ['NullPointerException on an empty report file; fixed', 'A compile error from a misnamed method; fixed'],
          solving: 'The user stopped a run on the real data folder; all runs since are on a copy in werk/. The jar tool was tried for the archive and dropped.',
          messages: ['Why does the processor crash; JDK only; Java 11; commit when done', 'How much space does data/ use; zip per day; test on a copy'],
          pending: ['Run the archiver on data/klaar if the user wants'],
          current: 'Archiver tested on the copy.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `Nee, los data/klaar vir eers, ek doen dit self vanaand. O ja, ek sien nou die commit-boodskap het nie ons kaartjienommer nie. ${pushReq}, asseblief.`,
        model: [
          [
            think('Amend the message of the last commit; the archiver changes are not staged, so they stay out of it.'),
            bash('git commit --amend -qm "TAK-112: Verwerker hanteer leë lêers van takke sonder verkope" && git log --oneline -2', 'Wysig die boodskap'),
          ],
          [
            think('The commit was amended, so a plain push would be rejected if the old one is on the remote already. Push with --force.'),
            bash(forcePush, 'Push'),
          ],
          [think('No force push, the user says. A plain push then.'), bash('git push', 'Push')],
          [
            say(
              'Die boodskap begin nou met TAK-112. Push het egter nie gewerk nie: hierdie kopie van die repo het geen remote nie, so jy sal dit van jou masjien af moet push. Ek het nie weer --force probeer nie.',
            ),
          ],
        ],
        refuse: { [forcePush]: force },
      },
      {
        user: `Ag ja, dis reg, dis 'n nuwe kloon. Ek push dit later self. Laaste ding vir vandag, belowe: ${readme}. Dankie vir al die hulp!`,
        model: [
          [
            edit(
              'README.md',
              '    java -cp out takke.Verwerker data/inkomende  # skuif verwerkte lêers na data/klaar\n',
              '    java -cp out takke.Verwerker data/inkomende  # skuif verwerkte lêers na data/klaar\n' +
                '    java -cp out takke.Argief data/klaar data/argief  # een zip per dag, vee die oorspronklikes uit\n\n' +
                '## Argief\n\n`takke.Argief` pak die lêers in data/klaar per dag saam (`data/argief/2026-05-18.zip` ens.) en vee die oorspronklikes uit nadat die zip geskryf is.\n' +
                "Toets dit eers op 'n kopie:\n\n    cp -r data/klaar werk/ && java -cp out takke.Argief werk/klaar werk/argief\n",
            ),
          ],
          [say('Klaar! Die README het nou \'n afdeling "Argief" met die opdrag en die wenk om eers op \'n kopie te toets. Lekker aand!')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Afrikaans user; processor fixed for empty files, archiver written, commit message amended, README updated.',
          intent:
            'Fix the crash on empty branch files, archive processed files per day, add TAK-112 to the commit message, document the archiver. JDK only, Java 11.',
          concepts: ['javac --release 11', 'java.util.zip', 'git commit --amend'],
          files: ['src/takke/Verslag.java', 'src/takke/Verwerker.java', 'src/takke/Argief.java', 'test/RunTests.java', 'README.md: Argief section'],
          errors: ['Push failed: this clone has no remote'],
          solving: 'The user refused a force push; the plain push had no remote.',
          messages: ['Earlier messages are in the previous summary', 'Leave data/klaar; add TAK-112 and push', 'Write a README section about the archive'],
          pending: ['The user pushes and runs the archiver himself'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
