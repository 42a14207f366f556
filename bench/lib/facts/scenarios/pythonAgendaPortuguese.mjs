// A Brazilian Portuguese-speaking user on a small standard-library-only Python web app (a barbershop's
// booking agenda: WSGI, sqlite3, SQL migrations), tested with `python3 -m unittest`. The user corrects
// the agent at the start of a turn ("não, espera: …"), refuses a pip install and an in-place edit of a
// migration that already ran in production; a NOT NULL column is tried and taken out again. The
// model thinks in English with "Prefer X over Y: …" and "Trade-off: … so X" and answers in Portuguese.
// A pre-existing failing report test stays failing on the user's word. Written as a held-out scenario:
// not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

// Sample slots: Tuesday to Saturday, seven hours a day, two barbers, from June 2025 to mid-December 2026.
function sampleSlots() {
  const rows = [];
  const now = '2026-11-30 09:00';
  let visible = 0;
  for (let t = Date.UTC(2025, 5, 3); t <= Date.UTC(2026, 11, 19); t += 86_400_000) {
    const day = new Date(t);
    if (day.getUTCDay() < 2) continue; // closed on Sunday and Monday
    const date = day.toISOString().slice(0, 10);
    for (const hour of ['09', '10', '11', '14', '15', '16', '17']) {
      for (const barber of ['Zé', 'Carla']) {
        const start = `${date} ${hour}:00`;
        rows.push(`INSERT INTO horarios (inicio, barbeiro) VALUES ('${start}', '${barber}');`);
        if (start >= now) visible++;
      }
    }
  }
  return { sql: rows.join('\n') + '\n', total: rows.length, visible };
}

const SLOTS = sampleSlots();

const DB =
  '"""Conexão com o SQLite; aplica as migrations em ordem."""\nimport pathlib\nimport sqlite3\n\n' +
  'MIGRATIONS = pathlib.Path(__file__).resolve().parent.parent / "migrations"\n\n\n' +
  'def conectar(caminho=":memory:"):\n    conn = sqlite3.connect(caminho)\n    conn.row_factory = sqlite3.Row\n' +
  '    for arquivo in sorted(MIGRATIONS.glob("*.sql")):\n        conn.executescript(arquivo.read_text(encoding="utf-8"))\n    return conn\n';

const HORARIOS =
  '"""Listagem de horários da agenda: GET /horarios devolve JSON para o site e o app."""\nimport json\n\nfrom app.db import conectar\n\n\n' +
  'def listar_horarios(conn):\n    linhas = conn.execute(\n        "SELECT id, inicio, barbeiro, livre, cliente FROM horarios ORDER BY inicio"\n    ).fetchall()\n' +
  '    return [dict(linha) for linha in linhas]\n\n\n' +
  'def app(environ, start_response):\n    conn = conectar(environ.get("AGENDA_DB", "agenda.db"))\n' +
  '    corpo = json.dumps({"horarios": listar_horarios(conn)}, ensure_ascii=False).encode("utf-8")\n' +
  '    start_response("200 OK", [("Content-Type", "application/json; charset=utf-8")])\n    return [corpo]\n';

const PAINEL =
  '"""Painel do barbeiro: todos os horários de um dia, inclusive os que já passaram (para marcar falta)."""\n' +
  'from app.horarios import listar_horarios\n\n\ndef horarios_do_dia(conn, dia):\n' +
  '    return [h for h in listar_horarios(conn) if h["inicio"].startswith(dia)]\n';

const RESERVAS =
  '"""Reserva de um horário livre."""\n\n\ndef reservar(conn, horario_id, cliente):\n' +
  '    cur = conn.execute(\n        "UPDATE horarios SET livre = 0, cliente = ? WHERE id = ? AND livre = 1",\n        (cliente, horario_id),\n    )\n' +
  '    return cur.rowcount == 1\n';

const RELATORIO =
  '"""Relatório mensal: comissão de cada barbeiro, em centavos."""\nCOMISSAO = 0.4\n\n\n' +
  'def comissao(total_servicos_centavos):\n    return round(total_servicos_centavos * COMISSAO)\n';

const TEST_HORARIOS =
  'import unittest\n\nfrom app.db import conectar\nfrom app.horarios import listar_horarios\n\n\n' +
  'class TestHorarios(unittest.TestCase):\n    def setUp(self):\n        self.conn = conectar()\n        self.conn.executemany(\n' +
  '            "INSERT INTO horarios (inicio, barbeiro) VALUES (?, ?)",\n' +
  '            [("2026-03-09 10:00", "Zé"), ("2026-03-10 08:30", "Zé"), ("2026-03-10 15:00", "Carla"), ("2026-03-11 10:00", "Carla")],\n        )\n\n' +
  '    def test_lista_em_ordem(self):\n        inicios = [h["inicio"] for h in listar_horarios(self.conn)]\n        self.assertEqual(inicios, sorted(inicios))\n\n' +
  '    def test_formato_json(self):\n        horario = listar_horarios(self.conn)[0]\n' +
  '        self.assertEqual(set(horario), {"id", "inicio", "barbeiro", "livre", "cliente"})\n';

const TEST_RELATORIO =
  'import unittest\n\nfrom app.relatorio import comissao\n\n\nclass TestRelatorio(unittest.TestCase):\n' +
  '    def test_comissao_mensal(self):\n        # 40% do que sobra depois da taxa do cartão (6%)\n        self.assertEqual(comissao(2950), 1109)\n';

export const scenario = {
  name: 'python-agenda-portuguese',
  about:
    'held out: Brazilian Portuguese user, stdlib WSGI + sqlite3 app, python3 -m unittest; mid-course correction; pip install and migration edit refused; NOT NULL column undone',
  requires: ['python3', 'git'],
  files: {
    '.gitignore': '__pycache__/\n*.db\n',
    'README.md':
      '# agenda-barbearia\n\nAgenda online da barbearia. Só biblioteca padrão do Python.\n\n    python3 -m unittest\n    python3 -m wsgiref.simple_server  # ver serve.py\n',
    'app/__init__.py': '',
    'app/db.py': DB,
    'app/horarios.py': HORARIOS,
    'app/painel.py': PAINEL,
    'app/reservas.py': RESERVAS,
    'app/relatorio.py': RELATORIO,
    'migrations/001_inicial.sql':
      'CREATE TABLE horarios (\n    id INTEGER PRIMARY KEY,\n    inicio TEXT NOT NULL,  -- "AAAA-MM-DD HH:MM", horário de Brasília\n    barbeiro TEXT NOT NULL,\n    livre INTEGER NOT NULL DEFAULT 1\n);\n',
    'migrations/002_cliente.sql': 'ALTER TABLE horarios ADD COLUMN cliente TEXT;\n',
    'tests/__init__.py': '',
    'tests/test_horarios.py': TEST_HORARIOS,
    'tests/test_relatorio.py': TEST_RELATORIO,
    'seeds/amostra.sql': SLOTS.sql,
  },
  build(k, { edit, read, write }) {
    const hide = k.request('fazer a listagem de /horarios parar de mostrar horários que já passaram');
    const stdlib = k.constraint('só biblioteca padrão, nada de instalar pacote');
    k.error('AssertionError: 1180 != 1109', 'unresolved');
    const inSql = k.decision(
      'filtering in the SQL query',
      'old slots are never deleted, so the table only grows',
      'filtering the rows in Python after fetching them',
    );
    const noFreezegun = k.refusal('não, sem freezegun. Passa o horário atual como parâmetro da função');
    k.error("AssertionError: '2026-03-10 15:00' not found in", 'resolved');
    k.number(String(SLOTS.total));
    k.number(String(SLOTS.visible));
    const clientsOnly = k.request('esconde os horários passados só para os clientes');
    const report = k.constraint('não mexe no relatório, a Rafaela está cuidando dele');
    const flag = k.decision(
      'a keyword-only incluir_passados flag on listar_horarios',
      'painel.py is the only other caller',
      'a separate function for the barber panel',
    );
    k.file('app/horarios.py');
    k.file('app/painel.py');
    k.file('tests/test_horarios.py');
    const phone = k.request('guardar o telefone do cliente em cada reserva');
    const noMigrationEdit = k.refusal('não mexe em migration que já rodou em produção, cria uma nova');
    const notNull = k.rejected('telefone TEXT NOT NULL', 'as reservas antigas não têm telefone, então a coluna precisa aceitar vazio');
    k.error('NOT NULL constraint failed: horarios.telefone', 'resolved');
    k.file('migrations/003_telefone.sql');
    k.file('app/reservas.py');
    const readme = k.request('atualiza o README explicando a coluna telefone e a flag do painel');
    k.file('README.md');
    k.check('python3 -m unittest', 'failing');
    k.lastRequest(readme);
    k.not('constraints', hide, 'a request is not a standing rule');
    k.not('errors', 'já rodou em produção', "a user's refusal is not a tool error");
    k.not('rejected', clientsOnly, "the user's correction is a request, not a rejected approach");
    k.not('decisions', 'Vou rodar os testes primeiro', 'an intention, not a decision');

    const first =
      'Oi! Os clientes estão reclamando que a página de horários mostra horário de ontem. ' +
      `Dá pra ${hide}? O projeto é ${stdlib} (o servidor nem tem pip). Os testes rodam com python3 -m unittest.`;
    const second =
      'não, espera: o painel do barbeiro (app/painel.py) também usa listar_horarios, e o barbeiro precisa ver os horários de hoje que já passaram pra marcar falta. ' +
      `Então ${clientsOnly}. E o teste do relatório pode deixar falhando: ${report}.`;
    const third = `Boa. Agora preciso ${phone}, pro lembrete no WhatsApp.`;
    const last = `Beleza, valeu! Por último: ${readme}.`;

    const sedInPlace =
      "sed -i 's/ADD COLUMN cliente TEXT;/ADD COLUMN cliente TEXT;\\nALTER TABLE horarios ADD COLUMN telefone TEXT;/' migrations/002_cliente.sql";
    const sampleCount =
      'python3 -c "\nfrom datetime import datetime\nfrom app.db import conectar\nfrom app.horarios import listar_horarios\nconn = conectar()\n' +
      "conn.executescript(open('seeds/amostra.sql', encoding='utf-8').read())\n" +
      "print('horários na amostra:', conn.execute('SELECT count(*) FROM horarios').fetchone()[0])\n" +
      "print('visíveis em 30/11 às 9h:', len(listar_horarios(conn, agora=datetime(2026, 11, 30, 9, 0))))\n\"";

    return [
      {
        user: first,
        model: [
          [think('Run the test suite first to know the baseline.'), say('Vou rodar os testes primeiro.'), bash('python3 -m unittest', 'Run the test suite')],
          [read('app/horarios.py')],
          [
            think(
              `Prefer ${inSql.choice} over ${inSql.alternative}: ${inSql.reason}, and /horarios would load all of it on every request. ` +
                'A WHERE on inicio against the current time, ordered as before.',
            ),
            edit(
              'app/horarios.py',
              'import json\n\nfrom app.db import conectar\n\n\ndef listar_horarios(conn):\n    linhas = conn.execute(\n        "SELECT id, inicio, barbeiro, livre, cliente FROM horarios ORDER BY inicio"\n    ).fetchall()\n',
              'import json\nfrom datetime import datetime\n\nfrom app.db import conectar\n\n\ndef listar_horarios(conn):\n    agora = datetime.now().isoformat(timespec="minutes")\n' +
                '    linhas = conn.execute(\n        "SELECT id, inicio, barbeiro, livre, cliente FROM horarios WHERE inicio >= ? ORDER BY inicio",\n        (agora,),\n    ).fetchall()\n',
            ),
          ],
          [think('The tests need a fixed clock. freezegun would make that easy.'), bash('python3 -m pip install freezegun', 'Install freezegun for the tests')],
          [
            say('Certo, sem pacote novo: `listar_horarios` passa a receber `agora`, e os testes passam um horário fixo.'),
            edit(
              'app/horarios.py',
              'def listar_horarios(conn):\n    agora = datetime.now().isoformat(timespec="minutes")\n',
              'def listar_horarios(conn, agora=None):\n    agora = (agora or datetime.now()).isoformat(timespec="minutes")\n',
            ),
          ],
          [
            edit(
              'tests/test_horarios.py',
              'import unittest\n\nfrom app.db import conectar\n',
              'import unittest\nfrom datetime import datetime\n\nfrom app.db import conectar\n',
            ),
          ],
          [
            edit(
              'tests/test_horarios.py',
              '        self.assertEqual(set(horario), {"id", "inicio", "barbeiro", "livre", "cliente"})\n',
              '        self.assertEqual(set(horario), {"id", "inicio", "barbeiro", "livre", "cliente"})\n\n' +
                '    def test_esconde_horarios_passados(self):\n        inicios = [h["inicio"] for h in listar_horarios(self.conn, agora=datetime(2026, 3, 10, 9, 0))]\n' +
                '        self.assertNotIn("2026-03-09 10:00", inicios)\n        self.assertNotIn("2026-03-10 08:30", inicios)\n\n' +
                '    def test_mostra_horario_de_hoje_mais_tarde(self):\n        inicios = [h["inicio"] for h in listar_horarios(self.conn, agora=datetime(2026, 3, 10, 9, 0))]\n' +
                '        self.assertIn("2026-03-10 15:00", inicios)\n',
            ),
          ],
          [bash('python3 -m unittest', 'Run the test suite')],
          [
            think(
              "isoformat puts a T between date and time, the column uses a space, and ' ' sorts before 'T': every slot later today compares as already past. Format agora exactly like the column. " +
                'test_formato_json calls listar_horarios without agora, so its March fixtures are all in the past now: give it a fixed time too.',
            ),
            edit(
              'app/horarios.py',
              '    agora = (agora or datetime.now()).isoformat(timespec="minutes")\n',
              '    agora = (agora or datetime.now()).strftime("%Y-%m-%d %H:%M")  # mesmo formato da coluna inicio\n',
            ),
          ],
          [
            edit(
              'tests/test_horarios.py',
              '        horario = listar_horarios(self.conn)[0]\n',
              '        horario = listar_horarios(self.conn, agora=datetime(2026, 3, 1, 9, 0))[0]\n',
            ),
          ],
          [bash('python3 -m unittest', 'Run the test suite')],
          [bash(sampleCount, 'Count visible slots in the sample data')],
          [
            say(
              'Pronto: `/horarios` só lista horários a partir de agora. O filtro está na consulta SQL, e `listar_horarios(conn, agora=None)` aceita o horário atual para os testes.\n\n' +
                'Um detalhe: a coluna `inicio` guarda "AAAA-MM-DD HH:MM" com espaço; comparar com `isoformat()` (que usa "T") escondia os horários de hoje mais tarde. Agora o formato é o mesmo.\n\n' +
                'Os testes novos passam. Continua falhando `test_comissao_mensal` em tests/test_relatorio.py, que já falhava antes de eu mexer em qualquer coisa.',
            ),
          ],
        ],
        refuse: { 'python3 -m pip install freezegun': noFreezegun },
      },
      {
        user: second,
        model: [
          [read('app/painel.py')],
          [
            think(
              `Trade-off: ${flag.alternative} reads cleaner at the call site but duplicates the query and its ordering; ${flag.reason}, so ${flag.choice}, default False so the site and the app keep the new behaviour.`,
            ),
            edit(
              'app/horarios.py',
              'def listar_horarios(conn, agora=None):\n    agora = (agora or datetime.now()).strftime("%Y-%m-%d %H:%M")  # mesmo formato da coluna inicio\n' +
                '    linhas = conn.execute(\n        "SELECT id, inicio, barbeiro, livre, cliente FROM horarios WHERE inicio >= ? ORDER BY inicio",\n        (agora,),\n    ).fetchall()\n',
              'def listar_horarios(conn, agora=None, *, incluir_passados=False):\n    agora = (agora or datetime.now()).strftime("%Y-%m-%d %H:%M")  # mesmo formato da coluna inicio\n' +
                '    if incluir_passados:\n        agora = ""  # toda string >= ""\n' +
                '    linhas = conn.execute(\n        "SELECT id, inicio, barbeiro, livre, cliente FROM horarios WHERE inicio >= ? ORDER BY inicio",\n        (agora,),\n    ).fetchall()\n',
            ),
          ],
          [edit('app/painel.py', 'listar_horarios(conn) if', 'listar_horarios(conn, incluir_passados=True) if')],
          [
            edit(
              'tests/test_horarios.py',
              '        self.assertIn("2026-03-10 15:00", inicios)\n',
              '        self.assertIn("2026-03-10 15:00", inicios)\n\n' +
                '    def test_painel_ve_horarios_passados(self):\n        from app.painel import horarios_do_dia\n\n' +
                '        inicios = [h["inicio"] for h in horarios_do_dia(self.conn, "2026-03-10")]\n' +
                '        self.assertEqual(inicios, ["2026-03-10 08:30", "2026-03-10 15:00"])\n',
            ),
          ],
          [bash('python3 -m unittest', 'Run the test suite')],
          [
            say(
              'Feito. `listar_horarios` ganhou `incluir_passados=False` (só por nome); o painel passa `incluir_passados=True` e vê o dia inteiro, o site e o app continuam sem os horários passados.\n\n' +
                'Não toquei no relatório; `test_comissao_mensal` segue falhando como antes.',
            ),
          ],
        ],
      },
      {
        user: third,
        model: [
          [bash('ls migrations && cat migrations/002_cliente.sql', 'Look at the migrations')],
          [
            think('cliente came in 002. The smallest change is to add telefone right next to it there.'),
            bash(sedInPlace, 'Add the telefone column next to cliente'),
          ],
          [say('Entendido, crio uma migration nova.'), write('migrations/003_telefone.sql', `ALTER TABLE horarios ADD COLUMN ${notNull.what};\n`)],
          [bash('python3 -m unittest', 'Run the test suite')],
          [say(`Tiro o NOT NULL: ${notNull.why}.`), write('migrations/003_telefone.sql', 'ALTER TABLE horarios ADD COLUMN telefone TEXT;\n')],
          [
            edit(
              'app/reservas.py',
              'def reservar(conn, horario_id, cliente):\n    cur = conn.execute(\n        "UPDATE horarios SET livre = 0, cliente = ? WHERE id = ? AND livre = 1",\n        (cliente, horario_id),\n    )\n',
              'def reservar(conn, horario_id, cliente, telefone=None):\n    cur = conn.execute(\n        "UPDATE horarios SET livre = 0, cliente = ?, telefone = ? WHERE id = ? AND livre = 1",\n        (cliente, telefone, horario_id),\n    )\n',
            ),
          ],
          [
            write(
              'tests/test_reservas.py',
              'import unittest\n\nfrom app.db import conectar\nfrom app.reservas import reservar\n\n\nclass TestReservas(unittest.TestCase):\n' +
                "    def test_guarda_telefone(self):\n        conn = conectar()\n        conn.execute(\"INSERT INTO horarios (id, inicio, barbeiro) VALUES (1, '2026-03-10 15:00', 'Carla')\")\n" +
                '        self.assertTrue(reservar(conn, 1, "Ana", "+55 11 91234-5678"))\n' +
                '        self.assertEqual(conn.execute("SELECT telefone FROM horarios WHERE id = 1").fetchone()[0], "+55 11 91234-5678")\n',
            ),
          ],
          [bash('python3 -m unittest', 'Run the test suite')],
          [
            say(
              'Pronto: migrations/003_telefone.sql adiciona a coluna `telefone` (aceita vazio), e `reservar()` recebe o telefone. O JSON de /horarios não muda.\n\n' +
                'Testes: todos passam menos o do relatório, que segue como estava.',
            ),
          ],
        ],
        refuse: {
          [sedInPlace]: noMigrationEdit,
        },
      },
      {
        user: last,
        model: [
          [
            edit(
              'README.md',
              '    python3 -m wsgiref.simple_server  # ver serve.py\n',
              '    python3 -m wsgiref.simple_server  # ver serve.py\n\n## Horários\n\n' +
                '`listar_horarios(conn, agora=None, *, incluir_passados=False)` lista a partir de agora (site e app). ' +
                'O painel do barbeiro usa `incluir_passados=True` para ver o dia inteiro e marcar falta.\n\n' +
                '## Telefone do cliente\n\nA coluna `telefone` (migrations/003_telefone.sql) guarda o telefone de cada reserva, para o lembrete no WhatsApp. ' +
                'Pode ficar vazia: as reservas antigas não têm telefone.\n',
            ),
          ],
          [say('README atualizado com as duas seções.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Brazilian Portuguese user. Past slots hidden from /horarios (SQL filter), then only for clients; phone column added through a new migration; README updated.',
          intent:
            'Hide past slots from the public /horarios listing (standard library only), keep them in the barber panel, store the client phone, document it.',
          concepts: ['WSGI app with sqlite3', 'SQL migrations applied in order', 'python3 -m unittest'],
          files: [
            'app/horarios.py: listar_horarios(conn, agora=None, *, incluir_passados=False) filters in SQL',
            'app/painel.py: passes incluir_passados=True',
            'migrations/003_telefone.sql: new telefone column',
            'app/reservas.py: reservar() stores the phone',
            'README.md: sections on the listing and the phone column',
          ],
          errors: [
            'Slots later today were hidden because of a date format mismatch; fixed',
            'A NOT NULL phone column could not be added to the existing table; made nullable',
            "The monthly commission test fails (pre-existing, left alone at the user's request)",
          ],
          solving: 'The current time is passed as a parameter instead of mocking the clock.',
          messages: [
            'Hide past slots from /horarios; standard library only; tests with python3 -m unittest',
            'Correction: the barber panel must still see past slots; leave the report alone',
            'Store the client phone for WhatsApp reminders',
            `"${last}"`,
          ],
          pending: [],
          current: 'README updated.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
