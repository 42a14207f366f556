// A chatty Galician user (Galego, long friendly messages with asides) and a stdlib Python ETL script
// (etl.py) over a town-hall payments export, run as `python3 etl.py data/in.csv` and checked with
// `python3 -m unittest -v`. The export comes from an old program (scripts/export_vello.py writes it in
// ISO-8859-1), so the first run dies with a UnicodeDecodeError; then decimal commas break float(). The
// model thinks in Galician/English mix, weighs a dict against an in-memory sqlite3 for the totals and
// picks the dict, hits a unittest FAIL on float rounding and fixes it, tries a pickle cache and takes it
// out again. The user refuses `pip install pandas`. One compaction in the middle, one at the end.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const CONCELLOS = ['A Coruña', 'Lugo', 'Ourense', 'Pontevedra', 'Santiago', 'Vigo', 'Ferrol', 'Cangas', 'Betanzos', 'Ribadeo'];
const CONCEPTOS = ['Recollida de lixo', 'Auga', 'Imposto de vehículos', 'Taxa de terraza', 'Licenza de obra', 'Piscina municipal'];

const EXPORT_VELLO = `"""Simula o export do programa vello de recadación: ISO-8859-1, ';', coma decimal."""
import sys

CONCELLOS = ${JSON.stringify(CONCELLOS)}
CONCEPTOS = ${JSON.stringify(CONCEPTOS)}


def main():
    seed = 4471
    out = open(sys.argv[1], "w", encoding="latin-1", newline="")
    out.write("concello;data;concepto;importe\\r\\n")
    for i in range(2318):
        seed = (seed * 1103515245 + 12345) % 2147483648
        concello = CONCELLOS[seed % len(CONCELLOS)]
        concepto = CONCEPTOS[(seed // 7) % len(CONCEPTOS)]
        cents = 500 + (seed // 13) % 40000
        importe = "" if i % 97 == 13 else f"{cents // 100},{cents % 100:02d}"
        out.write(f"{concello};2026-0{1 + i % 3}-{1 + i % 28:02d};{concepto};{importe}\\r\\n")
    out.close()


main()
`;

const ETL = `"""Limpa o export de recadación e saca totais por concello.

    python3 etl.py data/in.csv
"""
import csv
import sys


def parse_importe(texto):
    return float(texto)


def ler(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def main(argv):
    filas = ler(argv[1])
    boas = [f for f in filas if f["importe"].strip()]
    with open("data/out.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["concello", "data", "concepto", "importe"])
        for fila in boas:
            w.writerow([fila["concello"].strip(), fila["data"], fila["concepto"], f"{parse_importe(fila['importe']):.2f}"])
    print(f"filas lidas: {len(filas)}")
    print(f"filas escritas: {len(boas)}")
    print(f"descartadas (sen importe): {len(filas) - len(boas)}")


if __name__ == "__main__":
    main(sys.argv)
`;

const TESTS = `import unittest

import etl


class TestEtl(unittest.TestCase):
    def test_parse_importe_coma(self):
        self.assertEqual(etl.parse_importe("12,50"), 12.5)

    def test_parse_importe_espazos(self):
        self.assertEqual(etl.parse_importe(" 7,05 "), 7.05)

    def test_totais(self):
        filas = [
            {"concello": "Lugo", "importe": "10,10"},
            {"concello": "Lugo", "importe": "20,20"},
            {"concello": "Vigo ", "importe": "1,00"},
        ]
        tot = etl.totais(filas)
        self.assertEqual(tot["Lugo"], 30.3)
        self.assertEqual(tot["Vigo"], 1.0)


if __name__ == "__main__":
    unittest.main()
`;

const OPEN_OLD = '    with open(path, newline="") as f:\n';
const OPEN_NEW = '    # export en ISO-8859-1\n    with open(path, newline="", encoding="latin-1") as f:\n';
const PARSE_OLD = '    return float(texto)\n';
const PARSE_NEW = '    return float(texto.strip().replace(".", "").replace(",", "."))\n';
const TOTAIS_FN =
  '\n\ndef totais(filas):\n    tot = {}\n    for fila in filas:\n        concello = fila["concello"].strip()\n' +
  '        tot[concello] = tot.get(concello, 0.0) + parse_importe(fila["importe"])\n    return tot\n';
const TOTAIS_ROUND =
  '\n\ndef totais(filas):\n    tot = {}\n    for fila in filas:\n        concello = fila["concello"].strip()\n' +
  '        tot[concello] = tot.get(concello, 0.0) + parse_importe(fila["importe"])\n    return {c: round(v, 2) for c, v in tot.items()}\n';
const LER_END = '        return list(csv.DictReader(f, delimiter=";"))\n';
const PRINT_OLD = '    print(f"descartadas (sen importe): {len(filas) - len(boas)}")\n';
const PRINT_TOT =
  PRINT_OLD + '    for concello, total in sorted(totais(boas).items(), key=lambda kv: -kv[1])[:3]:\n        print(f"  {concello:<12} {total:>12.2f}")\n';
const CACHE_OLD = 'def main(argv):\n    filas = ler(argv[1])\n';
const CACHE_NEW =
  'def main(argv):\n    import os, pickle\n    cache = ".cache/etl.pickle"\n    st = os.stat(argv[1])\n    clave = (st.st_size, int(st.st_mtime))\n' +
  '    filas = None\n    if os.path.exists(cache):\n        with open(cache, "rb") as f:\n            gardada, datos = pickle.load(f)\n' +
  '        if gardada == clave:\n            filas = datos\n    if filas is None:\n        filas = ler(argv[1])\n        os.makedirs(".cache", exist_ok=True)\n' +
  '        with open(cache, "wb") as f:\n            pickle.dump((clave, filas), f)\n';
const SAIDA_OLD = '    with open("data/out.csv", "w", newline="", encoding="utf-8") as f:\n';
const SAIDA_NEW = '    with open(saida, "w", newline="", encoding="utf-8") as f:\n';
const MAIN_ARGS_OLD = 'def main(argv):\n    filas = ler(argv[1])\n';
const MAIN_ARGS_NEW =
  'def main(argv):\n    saida = "data/out.csv"\n    if "--saida" in argv:\n        i = argv.index("--saida")\n        saida = argv[i + 1]\n        del argv[i : i + 2]\n    filas = ler(argv[1])\n';

// Figures the script prints, computed the same way the export is written.
function figures() {
  let seed = 4471;
  let read = 0;
  let empty = 0;
  for (let i = 0; i < 2318; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    read++;
    if (i % 97 === 13) empty++;
  }
  return { read, written: read - empty, empty };
}

export const scenario = {
  name: 'python-etl-galician-chatty',
  about:
    'held out: chatty Galician user, stdlib Python ETL (python3 etl.py data/in.csv, python3 -m unittest -v), thinking; UnicodeDecodeError fixed with latin-1, decimal commas fixed, dict vs in-memory sqlite3 weighed, a unittest FAIL on rounding fixed, a pickle cache tried and removed, pip install pandas refused, two compactions',
  requires: ['python3', 'git'],
  files: {
    '.gitignore': '__pycache__/\ndata/*.csv\n',
    'README.md': '# recadacion-etl\n\nO export sae do programa vello: `python3 scripts/export_vello.py data/in.csv`.\n',
    'scripts/export_vello.py': EXPORT_VELLO,
    'etl.py': ETL,
    'test_etl.py': TESTS,
    'data/.keep': '',
  },
  build(k, { edit }) {
    const { read, written } = figures();
    const fixReq = k.request('que o etl.py volva funcionar co export novo do programa vello');
    const stdlib = k.constraint('só biblioteca estándar de Python, nada de instalar paquetes');
    k.error("UnicodeDecodeError: 'utf-8' codec can't decode byte", 'resolved');
    const enc = k.decision('abrir o CSV con encoding="latin-1"', 'o programa vello exporta sempre en ISO-8859-1', 'ler en UTF-8 con errors="replace"');
    k.error("ValueError: could not convert string to float: '", 'resolved');
    k.number(read);
    k.number(written);
    k.number(figures().empty);
    k.file('etl.py');
    const totReq = k.request('os totais por concello, os tres máis grandes na saída');
    const pandas = k.refusal('nada de pandas, home! isto corre no servidor do concello, sen internet');
    const store = k.decision(
      'os totais nun dict en memoria',
      'son uns poucos miles de filas e un dict chega',
      'cargar as filas nun sqlite3 en memoria e facer GROUP BY',
    );
    k.number('49512.11');
    k.error('FAIL: test_totais', 'resolved');
    k.error('AssertionError: 30.299999999999997 != 30.3', 'resolved');
    const lento = k.request('mira se se pode acelerar un pouco a lectura');
    const cacheRej = k.rejected('.cache/etl.pickle', 'a caché non se invalida se o programa vello reescribe o ficheiro co mesmo tamaño no mesmo segundo');
    const noCache = k.constraint('nada de ficheiros temporais no servidor');
    const saidaReq = k.request('engade --saida para escoller o ficheiro de saída, por defecto data/out.csv');
    k.file('test_etl.py');
    k.lastRequest(saidaReq);
    k.check('python3 -m unittest', 'passing');
    k.not('constraints', fixReq, 'a request is not a standing rule');
    k.not('decisions', cacheRej.what, 'the cache was taken out: a dead end');
    k.not('rejected', store.choice, 'the dict was kept');
    k.not('errors', 'sen internet', "the user's refusal is not a tool error");
    void lento;

    const run = 'python3 etl.py data/in.csv';
    const tests = 'python3 -m unittest -v 2>&1 | tail -n 20';
    const pip = 'pip install pandas';

    return [
      {
        user:
          `Bos días! Mira, o de sempre: o programa vello de recadación sacou o export novo (xérao con python3 scripts/export_vello.py data/in.csv, ` +
          `xa sabes que eu non toco ese programa nin de broma) e agora o etl.py peta nada máis empezar. Preciso ${fixReq}, ` +
          `que o xoves teño que mandarlle os números á interventora. Ah, e o de sempre: ${stdlib}, que o servidor é o que é 😅`,
        model: [
          [
            think('Primeiro xerar o export e ver como peta.'),
            bash('python3 scripts/export_vello.py data/in.csv && python3 etl.py data/in.csv 2>&1 | tail -n 6', 'Xerar o export e correr o ETL'),
          ],
          [
            think('Decode error. Check the file encoding before choosing anything.'),
            bash('file data/in.csv; head -c 300 data/in.csv | od -c | sed -n 1,8p', 'Codificación do export'),
          ],
          [
            think(
              `ISO-8859 text, the ñ of Coruña is a single byte. Options: ${enc.alternative} would turn every ñ into a replacement char in the output; ` +
                `${enc.choice} keeps them because ${enc.reason}. Go with latin-1.`,
            ),
            edit('etl.py', OPEN_OLD, OPEN_NEW),
          ],
          [bash(`${run} 2>&1 | tail -n 4`, 'Correr o ETL')],
          [think('Decimal comma, and maybe thousands dots. Strip, drop dots, comma to dot.'), edit('etl.py', PARSE_OLD, PARSE_NEW)],
          [bash(run, 'Correr o ETL')],
          [
            say(
              `Listo! Eran dúas cousas:\n\n1. **Codificación**: o export vén en ISO-8859-1, agora ábrese con \`encoding="latin-1"\` (o \`file\` confirmouno).\n2. **Coma decimal** nos importes: \`parse_importe\` agora quita os puntos de miles e cambia a coma por punto.\n\nO script xa remata e escribe \`data/out.csv\`.`,
            ),
          ],
        ],
      },
      {
        user:
          `Que marabilla, grazas!! Agora outra cousiña: a interventora quere ${totReq}. Se ves algo raro nos datos dimo, ` +
          'que o programa vello ás veces fai cousas moi estrañas (unha vez exportou os importes en pesetas, imaxina).',
        model: [
          [think('Totals per concello. pandas groupby would be one line — check if it is there.'), bash(pip, 'Instalar pandas')],
          [
            think(
              `OK, no pandas, stdlib only. Two designs: ${store.alternative}, or ${store.choice}. ` +
                `The dict wins: ${store.reason}, and sqlite would add a schema and a conversion back for nothing.`,
            ),
            edit('etl.py', LER_END, LER_END + TOTAIS_FN),
          ],
          [edit('etl.py', PRINT_OLD, PRINT_TOT)],
          [bash(tests, 'Tests')],
          [think('Float sum: 10.1 + 20.2 is not 30.3. Round to cents in totais().'), edit('etl.py', TOTAIS_FN, TOTAIS_ROUND)],
          [bash(`${tests}; ${run}`, 'Tests e ETL')],
          [
            say(
              'Feito, sen pandas (perdón, xa me dixeras o da biblioteca estándar). Os totais van nun dict e redondéanse a céntimos; o test de totais fallaba polo redondeo do float e xa pasa. Os tres maiores saen ao final da saída.',
            ),
          ],
        ],
        refuse: { [pip]: pandas },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Galician user; stdlib ETL over a legacy export. Encoding and decimal commas fixed, totals added.',
          intent: 'Make etl.py work with the new legacy export and add totals per concello (top three). Standard library only.',
          concepts: ['ISO-8859-1 CSV', 'decimal commas', 'unittest', 'float rounding'],
          files: ['etl.py: latin-1, parse_importe, totais()'],
          errors: ['Decoding error on the export: fixed by opening it as latin-1', 'Decimal commas: fixed', 'Totals test failed on rounding: fixed'],
          solving: 'pandas was refused; totals are kept in a dict.',
          messages: ['Fix etl.py for the new export; stdlib only', 'Refused pandas', 'Totals per concello'],
          pending: [],
          current: 'Totals done, tests pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user:
          `Moitas grazas, de verdade. Unha última cousa antes do café: co export de todo o ano (que é moito máis gordo) isto vai algo lento, ${lento}? ` +
          `Non é urxente eh. E por favor, ${noCache}, que o de sistemas xa me riñe bastante.`,
        model: [
          [
            think('Rereading the CSV each run is the cost. A pickle cache keyed on size+mtime would skip parsing. Try it and time it.'),
            edit('etl.py', CACHE_OLD, CACHE_NEW),
          ],
          [bash(`${run} > /dev/null && ls -la .cache/ && ${run} | sed -n 1,2p`, 'Dúas pasadas coa caché')],
          [
            think(
              `Hm, the user just said no temp files on the server, and besides ${cacheRej.why}. A stale cache would send wrong totals to the interventora. Take it out.`,
            ),
            edit('etl.py', CACHE_NEW, CACHE_OLD),
          ],
          [bash(`rm -rf .cache && ${run} | sed -n 1,3p && git status --short`, 'Quitar a caché')],
          [
            say(
              `Probei unha caché en \`.cache/etl.pickle\` e quiteina: ${cacheRej.why}, e ademais dixéchesme nada de ficheiros temporais. A lectura xa é un só paso co módulo csv; sen caché non hai moito máis que rascar sen cambiar de ferramenta.`,
            ),
          ],
        ],
      },
      {
        user: `Vale, perfecto, mellor así. E xa para rematar: ${saidaReq}, e un test para iso se podes. Despois xa paro, prometido!`,
        model: [
          [edit('etl.py', MAIN_ARGS_OLD, MAIN_ARGS_NEW)],
          [edit('etl.py', SAIDA_OLD, SAIDA_NEW)],
          [
            edit(
              'test_etl.py',
              '\n\nif __name__ == "__main__":',
              '\n    def test_saida(self):\n        import os, tempfile\n        d = tempfile.mkdtemp()\n        with open(os.path.join(d, "in.csv"), "w", encoding="latin-1") as f:\n' +
                '            f.write("concello;data;concepto;importe\\nLugo;2026-01-01;Auga;1,50\\n")\n        saida = os.path.join(d, "o.csv")\n' +
                '        etl.main(["etl.py", os.path.join(d, "in.csv"), "--saida", saida])\n        self.assertTrue(os.path.exists(saida))\n\n\nif __name__ == "__main__":',
            ),
          ],
          [bash('python3 -m unittest -v 2>&1 | tail -n 8', 'Tests')],
          [bash(`${run} --saida data/proba.csv | sed -n 1,2p && head -n 3 data/proba.csv`, 'Proba de --saida')],
          [say('Engadido `--saida` (por defecto `data/out.csv`) e un test que o comproba. Os catro tests pasan.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Continuing the Galician ETL: a cache was tried and removed, then an output option was added.',
          intent: 'Speed up reading if possible without temp files; add --saida. Standard library only.',
          concepts: ['pickle cache invalidation', 'argument parsing by hand'],
          files: ['etl.py: --saida option; cache removed', 'test_etl.py: test for --saida'],
          errors: ['None new.'],
          solving: 'The cache was dropped because it could go stale and the user wants no temp files.',
          messages: ['Speed it up; no temp files', 'Add --saida with a test'],
          pending: [],
          current: '--saida added, tests pass.',
          next: 'None.',
        }),
      },
    ];
  },
};
