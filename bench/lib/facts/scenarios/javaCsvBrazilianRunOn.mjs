// A Brazilian-Portuguese user who writes long run-on messages with several requests each, on a Java 17
// CLI that turns the ERP's customer CSV export into the file the new ERP loader reads (plain
// `javac -d out`, no build tool, tests in a hand-rolled `java -cp out TestMain` runner, no JUnit). The first
// message pastes 40 lines of the production job's log (a NumberFormatException under a JobException).
// In the session: a NumberFormatException and an ArrayIndexOutOfBoundsException from two new tests, a
// `split(",", -1)` tried and backed out with `git checkout --`, a CSV state machine chosen in thinking
// with no choice word, a NullPointerException with its stack trace on the sample file fixed later, a
// `time java …` run before and after a HashSet (real/user/sys and a "processados N registros" line),
// a refused commit, pt-BR decimals, an IOException compile error from a lambda. One /compact in the
// middle, one at the end. Written as a held-out scenario: not tuned on.
//
// The real/user/sys figures of `time` differ from run to run, so they cannot be written down before the
// session: the session tees both timed runs into perf/antes.txt and perf/depois.txt of the scratch project
// (git-ignored, never read into the log), and build() plants what those files hold when the scenario is
// scored (the turns do not depend on them, so the generated session is the same either way).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const PKG = 'src/br/com/casafarias/csv';

const CLIENTE = String.raw`package br.com.casafarias.csv;

/** Um cliente do export do ERP. Limite de crédito em centavos. */
public record Cliente(long id, String nome, String endereco, String cidade, String uf, long limiteCentavos, String email) {
}
`;

const PARSER = String.raw`package br.com.casafarias.csv;

import java.util.HashMap;
import java.util.Map;

/** Lê as linhas do export de clientes do ERP (CSV com cabeçalho na primeira linha). */
public class ClienteParser {
    private final Map<String, Integer> colunas = new HashMap<>();

    public ClienteParser(String cabecalho) {
        String[] nomes = cabecalho.split(",");
        for (int i = 0; i < nomes.length; i++) {
            colunas.put(nomes[i].trim(), i);
        }
    }

    private int col(String nome) {
        Integer i = colunas.get(nome);
        if (i == null) throw new IllegalArgumentException("coluna ausente no cabeçalho: " + nome);
        return i;
    }

    public Cliente parseLinha(String linha) {
        String[] c = linha.split(",");
        return new Cliente(
                Long.parseLong(c[col("id")].trim()),
                c[col("nome")].trim(),
                c[col("endereco")].trim(),
                c[col("cidade")].trim(),
                c[col("uf")].trim(),
                parseLimite(c[col("limite_credito")].trim()),
                c[col("email")].trim());
    }

    /** "1500.00" -> 150000 centavos; "1500" -> 150000. */
    static long parseLimite(String valor) {
        String[] partes = valor.split("\\.");
        long centavos = Long.parseLong(partes[0]) * 100;
        if (partes.length > 1) centavos += Long.parseLong((partes[1] + "0").substring(0, 2));
        return centavos;
    }
}
`;

const VALIDADOR = String.raw`package br.com.casafarias.csv;

/** Regras de validação do cadastro; devolve o motivo da rejeição ou null. */
public final class Validador {
    private Validador() {
    }

    public static String valida(Cliente c) {
        if (c.nome().isBlank()) return "nome vazio";
        if (c.uf().length() != 2) return "uf inválida: " + c.uf();
        if (!c.email().isBlank() && !c.email().contains("@")) return "email inválido: " + c.email();
        if (c.limiteCentavos() < 0) return "limite negativo";
        return null;
    }
}
`;

const SAIDA = String.raw`package br.com.casafarias.csv;

/** Formato que o loader do ERP novo lê: campos separados por ';', na ordem fixa abaixo. */
public final class Saida {
    private Saida() {
    }

    public static String formata(Cliente c) {
        return c.id() + ";" + c.nome() + ";" + c.endereco() + ";" + c.cidade() + ";" + c.uf() + ";" + c.limiteCentavos() + ";" + c.email();
    }
}
`;

const IMPORTADOR = String.raw`package br.com.casafarias.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** java -cp out br.com.casafarias.csv.Importador clientes.csv > clientes.txt */
public class Importador {
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("uso: Importador <clientes.csv>");
            System.exit(2);
        }
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            ClienteParser parser = new ClienteParser(in.readLine());
            List<Long> vistos = new ArrayList<>();
            String linha;
            while ((linha = in.readLine()) != null) {
                if (linha.isBlank()) continue;
                Cliente c = parser.parseLinha(linha);
                String motivo = Validador.valida(c);
                if (motivo == null && vistos.contains(c.id())) motivo = "id duplicado";
                if (motivo != null) continue;
                vistos.add(c.id());
                System.out.println(Saida.formata(c));
            }
        }
    }
}
`;

const TEST_MAIN = String.raw`import br.com.casafarias.csv.Cliente;
import br.com.casafarias.csv.ClienteParser;
import br.com.casafarias.csv.Saida;
import br.com.casafarias.csv.Validador;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runner feito à mão: roda todo método static test*() em ordem alfabética. Sem JUnit. */
public class TestMain {
    static final String CAB = "id,nome,endereco,cidade,uf,limite_credito,email";

    static void confere(boolean ok, String msg) {
        if (!ok) throw new AssertionError(msg);
    }

    static void testLinhaSimples() {
        Cliente c = new ClienteParser(CAB).parseLinha("17,Maria Souza,Rua Augusta 900,São Paulo,SP,2500.00,maria@exemplo.com.br");
        confere(c.id() == 17, "id");
        confere(c.cidade().equals("São Paulo"), "cidade");
        confere(c.limiteCentavos() == 250000, "limite em centavos");
    }

    static void testLimiteSemCentavos() {
        Cliente c = new ClienteParser(CAB).parseLinha("18,João Pereira,Av. Brasil 12,Curitiba,PR,800,joao@exemplo.com.br");
        confere(c.limiteCentavos() == 80000, "limite 800 -> 80000");
    }

    static void testCabecalhoForaDeOrdem() {
        Cliente c = new ClienteParser("email,id,nome,uf,cidade,endereco,limite_credito").parseLinha("ana@exemplo.com.br,19,Ana Lima,MG,Belo Horizonte,Rua da Bahia 5,100.50");
        confere(c.uf().equals("MG") && c.limiteCentavos() == 10050, "colunas pelo nome do cabeçalho");
    }

    static void testValidadorUf() {
        Cliente c = new Cliente(20, "Zé", "Rua 1", "Natal", "RNN", 0, "");
        confere("uf inválida: RNN".equals(Validador.valida(c)), "uf com 3 letras");
    }

    static void testSaida() {
        Cliente c = new Cliente(21, "Carla", "Rua 2", "Recife", "PE", 12345, "carla@exemplo.com.br");
        confere(Saida.formata(c).equals("21;Carla;Rua 2;Recife;PE;12345;carla@exemplo.com.br"), "ordem das colunas");
    }

    public static void main(String[] args) throws Exception {
        List<Method> testes = new ArrayList<>();
        for (Method m : TestMain.class.getDeclaredMethods()) {
            if (m.getName().startsWith("test")) testes.add(m);
        }
        testes.sort(Comparator.comparing(Method::getName));
        int falhas = 0;
        for (Method m : testes) {
            try {
                m.invoke(null);
                System.out.println("ok     " + m.getName());
            } catch (InvocationTargetException e) {
                falhas++;
                Throwable t = e.getCause();
                System.out.println("FALHOU " + m.getName() + ": " + t);
                if (!(t instanceof AssertionError)) t.printStackTrace(System.out);
            }
        }
        System.out.println(testes.size() + " testes, " + falhas + " falhas");
        System.exit(falhas == 0 ? 0 : 1);
    }
}
`;

const AMOSTRA = String.raw`id,nome,endereco,cidade,uf,limite_credito,email
1001,Maria Souza,Rua Augusta 900,São Paulo,SP,2500.00,maria.souza@exemplo.com.br
1002,João Pereira,Av. Brasil 12,Curitiba,PR,800,joao.p@exemplo.com.br
1003,Padaria Pão Quente Ltda,"Rua das Laranjeiras, 45",Rio de Janeiro,RJ,12000.00,compras@paoquente.com.br
1004,Ana Lima,Rua da Bahia 5,Belo Horizonte,MG,100.50,
1005,Carlos Eduardo Nunes,"Av. Sete de Setembro, 1200, sala 3",Salvador,BA,3000.00,cadu@exemplo.com.br
1006,Mercadinho Boa Vista,Rua Sete 77,Recife,PE,4500.00,contato@boavista.com.br
1007,Fernanda Rocha,Rua XV de Novembro 300,Joinville,SC,1500.00
1008,Oficina do Zé,"Rod. BR-116, km 12",Fortaleza,CE,700.00,ze.oficina.exemplo.com.br
1009,Luciana Alves,Rua Goiás 10,Goiânia,GO,950.00,lu@exemplo.com.br
1006,Mercadinho Boa Vista,Rua Sete 77,Recife,PE,4500.00,contato@boavista.com.br
1010,"Empório ""Dona Nena""",Rua do Comércio 8,Maceió,AL,2200.00,nena@exemplo.com.br
`;

const GERA_GRANDE = String.raw`#!/bin/sh
# Gera um CSV grande de teste no formato do export do ERP (dados fictícios).
#   sh scripts/gera-grande.sh > dados/grande.csv
# Tem de tudo que aparece em produção: endereço entre aspas com vírgula, email vazio,
# linha sem a coluna de email, email sem arroba e id repetido.
n=${'$'}{1:-38500}
awk -v n="$n" 'BEGIN {
  split("SP RJ MG PR RS BA PE CE SC GO", ufs, " ")
  split("São Paulo|Rio de Janeiro|Belo Horizonte|Curitiba|Porto Alegre|Salvador|Recife|Fortaleza|Florianópolis|Goiânia", cids, "|")
  print "id,nome,endereco,cidade,uf,limite_credito,email"
  for (i = 1; i <= n; i++) {
    id = 200000 + i
    if (i % 977 == 0) id = id - 1
    k = (i % 10) + 1
    end = "Rua " (i % 400) " n. " i
    if (i % 50 == 0) end = "\"Rua das Flores, " i "\""
    lim = ((i * 37) % 9000) "." sprintf("%02d", i % 100)
    email = "cliente" i "@exemplo.com.br"
    if (i % 301 == 0) email = "cliente" i ".exemplo.com.br"
    if (i % 83 == 0) email = ""
    linha = id ",Cliente " i "," end "," cids[k] "," ufs[k] "," lim
    if (i % 97 != 0) linha = linha "," email
    print linha
  }
}'
`;

const LEIAME =
  '# importador-clientes\n\nLê o export de clientes do ERP (CSV) e gera o arquivo que o loader do ERP novo lê (campos separados por `;`, ' +
  "na ordem de `Saida.formata`).\n\n## Build e testes\n\n    javac -d out $(find src test -name '*.java')\n    java -cp out TestMain\n\n" +
  '## Uso\n\n    java -cp out br.com.casafarias.csv.Importador clientes.csv > clientes.txt\n';

// The production log the user pastes (40 lines): the job's own frames and a JobException wrapping the parse error.
const PROD_LOG = [
  '2025-03-11 02:14:06.988 INFO  [agendador-1] b.c.c.jobs.Agendador - disparando job importacao-noturna',
  '2025-03-11 02:14:07.412 INFO  [importacao-noturna] b.c.c.jobs.ImportacaoNoturnaJob - iniciando importação de clientes: /srv/erp/export/clientes_20250311.csv',
  '2025-03-11 02:14:07.955 INFO  [importacao-noturna] b.c.c.jobs.ImportacaoNoturnaJob - cabeçalho: id,nome,endereco,cidade,uf,limite_credito,email',
  '2025-03-11 02:14:09.118 ERROR [importacao-noturna] b.c.c.jobs.ImportacaoNoturnaJob - falha na linha 18342 do arquivo',
  'java.lang.NumberFormatException: For input string: "SP"',
  '\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
  '\tat java.base/java.lang.Long.parseLong(Long.java:711)',
  '\tat java.base/java.lang.Long.parseLong(Long.java:836)',
  '\tat br.com.casafarias.csv.ClienteParser.parseLimite(ClienteParser.java:38)',
  '\tat br.com.casafarias.csv.ClienteParser.parseLinha(ClienteParser.java:31)',
  '\tat br.com.casafarias.jobs.ImportacaoNoturnaJob.importa(ImportacaoNoturnaJob.java:88)',
  '\tat br.com.casafarias.jobs.ImportacaoNoturnaJob.executa(ImportacaoNoturnaJob.java:57)',
  '\tat br.com.casafarias.jobs.Agendador.lambda$agenda$0(Agendador.java:34)',
  '\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)',
  '\tat java.base/java.util.concurrent.FutureTask.runAndReset(FutureTask.java:305)',
  '\tat java.base/java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.run(ScheduledThreadPoolExecutor.java:305)',
  '\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)',
  '\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)',
  '\tat java.base/java.lang.Thread.run(Thread.java:840)',
  '2025-03-11 02:14:09.121 WARN  [importacao-noturna] b.c.c.jobs.ImportacaoNoturnaJob - 18341 clientes lidos antes da falha, transação desfeita (rollback)',
  '2025-03-11 02:14:09.130 ERROR [importacao-noturna] b.c.c.jobs.Agendador - job importacao-noturna terminou com erro',
  'br.com.casafarias.jobs.JobException: importação de clientes falhou',
  '\tat br.com.casafarias.jobs.ImportacaoNoturnaJob.executa(ImportacaoNoturnaJob.java:63)',
  '\tat br.com.casafarias.jobs.Agendador.lambda$agenda$0(Agendador.java:34)',
  '\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)',
  '\tat java.base/java.util.concurrent.FutureTask.runAndReset(FutureTask.java:305)',
  '\tat java.base/java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.run(ScheduledThreadPoolExecutor.java:305)',
  '\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)',
  '\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)',
  '\tat java.base/java.lang.Thread.run(Thread.java:840)',
  'Caused by: java.lang.NumberFormatException: For input string: "SP"',
  '\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
  '\tat java.base/java.lang.Long.parseLong(Long.java:711)',
  '\tat java.base/java.lang.Long.parseLong(Long.java:836)',
  '\tat br.com.casafarias.csv.ClienteParser.parseLimite(ClienteParser.java:38)',
  '\tat br.com.casafarias.csv.ClienteParser.parseLinha(ClienteParser.java:31)',
  '\tat br.com.casafarias.jobs.ImportacaoNoturnaJob.importa(ImportacaoNoturnaJob.java:88)',
  '\t... 7 more',
  '2025-03-11 02:14:09.131 INFO  [agendador-1] b.c.c.jobs.Agendador - próxima execução: 2025-03-12 02:14',
  '2025-03-11 02:14:09.132 INFO  [agendador-1] b.c.c.jobs.Agendador - 1 job(s) com erro nesta rodada',
].join('\n');

/** A figure of a `time` report the session tee'd into the project: "1.839" for `real\t0m1.839s`. */
function timeFigure(project, file, which) {
  const path = join(project, file);
  if (!existsSync(path)) return `${file}: ${which} (not generated yet)`;
  const match = new RegExp(`^${which}\\s+(\\d+)m([\\d.]+)s`, 'm').exec(readFileSync(path, 'utf8'));
  if (!match) return `${file}: no ${which} line`;
  return match[1] === '0' ? match[2] : `${match[1]}m${match[2]}s`;
}

export const scenario = {
  name: 'java-csv-brazilian-runon',
  about:
    'held out: Brazilian-Portuguese user writing long run-on messages, Java 17 CLI with plain javac -d out and a hand-rolled TestMain runner; a pasted 40-line production stack trace; NumberFormatException/ArrayIndexOutOfBounds from new tests, split(",", -1) backed out, a state machine chosen without a choice word, an NPE on the sample fixed later; time java before/after a HashSet; a refused commit; pt-BR decimals; a lambda IOException compile error; one mid and one final /compact',
  requires: ['javac', 'java', 'git', 'awk'],
  files: {
    '.gitignore': 'out/\nperf/\ndados/grande.csv\n',
    'LEIAME.md': LEIAME,
    [`${PKG}/Cliente.java`]: CLIENTE,
    [`${PKG}/ClienteParser.java`]: PARSER,
    [`${PKG}/Validador.java`]: VALIDADOR,
    [`${PKG}/Saida.java`]: SAIDA,
    [`${PKG}/Importador.java`]: IMPORTADOR,
    'test/TestMain.java': TEST_MAIN,
    'dados/clientes-amostra.csv': AMOSTRA,
    'scripts/gera-grande.sh': GERA_GRANDE,
  },
  build(k, { project, edit, write }) {
    const quoted = k.request('conserta o parser pra aceitar vírgula dentro de campo entre aspas');
    const emptyEmail = k.request('não deixa explodir quando o email vier vazio');
    const count = k.request('coloca no final uma linha dizendo quantos registros foram processados');
    const jdkOnly = k.constraint('não pode usar nenhuma biblioteca externa, só o que vem no JDK 17');
    k.error('java.lang.NumberFormatException: For input string: "RJ"', 'resolved');
    k.error('java.lang.ArrayIndexOutOfBoundsException: Index 6 out of bounds for length 6', 'resolved');
    const split = k.rejected('split(",", -1)', 'still cuts the quoted address in two');
    const machine = k.decision('a small state machine over the characters', 'takes quoted commas and doubled quotes in one pass', 'A regex per line');
    const stderr = k.decision('the count line on stderr', 'stdout is what gets redirected into the ERP loader', 'a trailer line on stdout');
    k.error('java.lang.NullPointerException: Cannot invoke "String.isBlank()"', 'resolved');
    k.file(`${PKG}/ClienteParser.java`);
    k.file(`${PKG}/CsvLinha.java`);
    k.file(`${PKG}/Importador.java`);
    k.file('test/TestMain.java');
    const timing = k.request('roda o importador com o arquivo grande e mede com time');
    k.number(timeFigure(project, 'perf/antes.txt', 'real'));
    k.number(timeFigure(project, 'perf/antes.txt', 'user'));
    k.number(timeFigure(project, 'perf/depois.txt', 'real'));
    k.number(timeFigure(project, 'perf/depois.txt', 'sys'));
    k.number('38500');
    k.number('38336');
    k.number('164');
    const hashSet = k.decision(
      'a HashSet<Long> for the ids seen',
      'contains() on the ArrayList walks every id read so far',
      'sorting the ids and a binary search',
    );
    const refusal = k.refusal('não commita ainda, quero revisar o diff antes de ir pro repositório');
    const decimal = k.request('o limite_credito tem que aceitar o formato brasileiro tipo 1.500,00');
    const rejects = k.request('as linhas rejeitadas vão pra um arquivo rejeitados.csv com o motivo');
    const order = k.constraint('não muda a ordem das colunas da saída, o loader do ERP lê por posição');
    const bigDecimal = k.decision(
      'stripping the dots, swapping the comma, then new BigDecimal',
      'NumberFormat stops at the first bad character',
      'NumberFormat for pt-BR',
    );
    k.error('error: unreported exception IOException; must be caught or declared to be thrown', 'resolved');
    const readme = k.request('atualiza o LEIAME.md explicando o formato novo do limite e o rejeitados.csv');
    k.file('LEIAME.md');
    k.lastRequest(readme);
    k.check('java -cp out TestMain', 'passing');
    k.not('errors', 'JobException: importação de clientes falhou', "pasted by the user from the production log, never in a tool's output");
    k.not('rejected', machine.choice, 'the tokenizer that was kept is not a dead end');
    k.not('decisions', split.what, 'tried and backed out: a rejected approach');
    k.not('constraints', timing, 'a request is not a standing rule');
    k.not('rejected', bigDecimal.alternative, 'weighed in thinking, never tried');

    const first =
      'oi, bom dia! seguinte, o job noturno de importação de clientes quebrou essa madrugada em produção e o pessoal do financeiro ta sem os cadastros novos, ' +
      'o ERP novo começou a mandar o endereço entre aspas quando tem vírgula (tipo "Rua das Laranjeiras, 45") e acho q o nosso parser não entende isso, olha o log que o suporte me mandou:\n\n' +
      PROD_LOG +
      `\n\nentão, preciso que vc ${quoted}, e também ${emptyEmail} pq tem cliente antigo sem email e o ERP manda a coluna vazia ou às vezes nem manda a coluna, ` +
      `e aproveita e ${count} pq hoje a gente não tem ideia de quantos entraram. o build é só javac -d out e os testes rodam com java -cp out TestMain ` +
      `(é um runner que eu fiz na mão, sem JUnit). ah, e ${jdkOnly}, o servidor de produção é fechado e não baixa nada de fora`;
    const second =
      `perfeito, valeu!! agora ${timing}, o arquivo vc gera com sh scripts/gera-grande.sh (ele não vai pro git, é grande), quero ter uma ideia de quanto vai levar ` +
      'com os 212 mil clientes de produção e se essa máquina de estados deixou muito mais lento que o split de antes';
    const third =
      'revisei o diff, ta ótimo, pode commitar o que está em src e test (o perf não). agora duas coisas que o financeiro pediu: ' +
      `${decimal} porque o ERP novo vai exportar assim a partir do mês que vem (entre aspas por causa da vírgula, igual o endereço), e ${rejects}, do lado do arquivo de entrada, ` +
      `pra eles conferirem de manhã. e uma coisa importante daqui pra frente: ${order}, já deu problema uma vez`;
    const fourth = `show, valeu mesmo! por último ${readme}, se puder com um exemplo de como rodar`;

    const tests = "rm -rf out && javac -d out $(find src test -name '*.java') 2>&1 && java -cp out TestMain";
    const amostra = "javac -d out $(find src -name '*.java') && java -cp out br.com.casafarias.csv.Importador dados/clientes-amostra.csv 2>&1 | tail -n 6";
    const commit = 'git add -A && git commit -m "importador: CSV com aspas, coluna de email ausente, contagem no stderr, ids em HashSet"';

    const twoTests = String.raw`    static void testEnderecoComVirgula() {
        Cliente c = new ClienteParser(CAB).parseLinha("1003,Padaria Pão Quente Ltda,\"Rua das Laranjeiras, 45\",Rio de Janeiro,RJ,12000.00,compras@paoquente.com.br");
        confere(c.endereco().equals("Rua das Laranjeiras, 45"), "endereço com vírgula: " + c.endereco());
        confere(c.uf().equals("RJ") && c.limiteCentavos() == 1200000, "colunas depois do endereço");
    }

    static void testEmailVazio() {
        Cliente c = new ClienteParser(CAB).parseLinha("1004,Ana Lima,Rua da Bahia 5,Belo Horizonte,MG,100.50,");
        confere(c.email().isEmpty(), "email vazio");
        confere(Validador.valida(c) == null, "email vazio é permitido");
    }

    static void testValidadorUf() {`;
    const semColuna = String.raw`    static void testLinhaSemColunaEmail() {
        Cliente c = new ClienteParser(CAB).parseLinha("1007,Fernanda Rocha,Rua XV de Novembro 300,Joinville,SC,1500.00");
        confere("".equals(c.email()), "coluna de email ausente vira vazio");
        confere(Validador.valida(c) == null, "sem email é permitido");
    }

    static void testValidadorUf() {`;
    const brTest = String.raw`    static void testLimiteFormatoBrasileiro() {
        Cliente c = new ClienteParser(CAB).parseLinha("1011,Bazar Central,Rua Direita 4,Santos,SP,\"1.500,00\",bazar@exemplo.com.br");
        confere(c.limiteCentavos() == 150000, "1.500,00 -> 150000");
        confere(new ClienteParser(CAB).parseLinha("1012,Zeca,Rua 3,Santos,SP,\"12,5\",").limiteCentavos() == 1250, "12,5 -> 1250");
    }

    static void testValidadorUf() {`;

    const csvLinha = String.raw`package br.com.casafarias.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Divide uma linha de CSV em campos. Campo entre aspas pode ter vírgula e aspas dobradas ("").
 * Percorre a linha caractere por caractere, com um estado: dentro ou fora das aspas.
 */
final class CsvLinha {
    private CsvLinha() {
    }

    static List<String> campos(String linha) {
        List<String> campos = new ArrayList<>();
        StringBuilder atual = new StringBuilder();
        boolean entreAspas = false;
        for (int i = 0; i < linha.length(); i++) {
            char ch = linha.charAt(i);
            if (entreAspas) {
                if (ch != '"') {
                    atual.append(ch);
                } else if (i + 1 < linha.length() && linha.charAt(i + 1) == '"') {
                    atual.append('"');
                    i++;
                } else {
                    entreAspas = false;
                }
            } else if (ch == '"') {
                entreAspas = true;
            } else if (ch == ',') {
                campos.add(atual.toString());
                atual.setLength(0);
            } else {
                atual.append(ch);
            }
        }
        campos.add(atual.toString());
        return campos;
    }
}
`;
    const parseOld = String.raw`    public Cliente parseLinha(String linha) {
        String[] c = linha.split(",");
        return new Cliente(
                Long.parseLong(c[col("id")].trim()),
                c[col("nome")].trim(),
                c[col("endereco")].trim(),
                c[col("cidade")].trim(),
                c[col("uf")].trim(),
                parseLimite(c[col("limite_credito")].trim()),
                c[col("email")].trim());
    }
`;
    const parseNew = String.raw`    public Cliente parseLinha(String linha) {
        List<String> c = CsvLinha.campos(linha);
        return new Cliente(
                Long.parseLong(campo(c, "id")),
                campo(c, "nome"),
                campo(c, "endereco"),
                campo(c, "cidade"),
                campo(c, "uf"),
                parseLimite(campo(c, "limite_credito")),
                campo(c, "email"));
    }

    /** Campo pelo nome da coluna; null se a linha veio com menos colunas que o cabeçalho. */
    private String campo(List<String> c, String nome) {
        int i = col(nome);
        return i < c.size() ? c.get(i).trim() : null;
    }
`;
    const loopOld = String.raw`            List<Long> vistos = new ArrayList<>();
            String linha;
            while ((linha = in.readLine()) != null) {
                if (linha.isBlank()) continue;
                Cliente c = parser.parseLinha(linha);
                String motivo = Validador.valida(c);
                if (motivo == null && vistos.contains(c.id())) motivo = "id duplicado";
                if (motivo != null) continue;
                vistos.add(c.id());
                System.out.println(Saida.formata(c));
            }
        }
`;
    const loopCount = String.raw`            List<Long> vistos = new ArrayList<>();
            int processados = 0, rejeitados = 0;
            String linha;
            while ((linha = in.readLine()) != null) {
                if (linha.isBlank()) continue;
                processados++;
                Cliente c = parser.parseLinha(linha);
                String motivo = Validador.valida(c);
                if (motivo == null && vistos.contains(c.id())) motivo = "id duplicado";
                if (motivo != null) {
                    rejeitados++;
                    continue;
                }
                vistos.add(c.id());
                System.out.println(Saida.formata(c));
            }
            System.err.printf("processados %d registros: %d aceitos, %d rejeitados%n", processados, processados - rejeitados, rejeitados);
        }
`;
    const limiteOld = String.raw`    /** "1500.00" -> 150000 centavos; "1500" -> 150000. */
    static long parseLimite(String valor) {
        String[] partes = valor.split("\\.");
        long centavos = Long.parseLong(partes[0]) * 100;
        if (partes.length > 1) centavos += Long.parseLong((partes[1] + "0").substring(0, 2));
        return centavos;
    }
`;
    const limiteNew = String.raw`    /** "1500.00", "1500" ou, no formato do ERP novo, "1.500,00" -> 150000 centavos. */
    static long parseLimite(String valor) {
        String v = valor.trim();
        if (v.indexOf(',') >= 0) v = v.replace(".", "").replace(',', '.');
        return new BigDecimal(v).movePointRight(2).longValueExact();
    }
`;
    const tryOld = String.raw`        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            ClienteParser parser = new ClienteParser(in.readLine());
`;
    const tryLambda = String.raw`        Path entrada = Path.of(args[0]);
        try (BufferedReader in = Files.newBufferedReader(entrada, StandardCharsets.UTF_8);
                BufferedWriter rej = Files.newBufferedWriter(entrada.resolveSibling("rejeitados.csv"), StandardCharsets.UTF_8)) {
            String cabecalho = in.readLine();
            ClienteParser parser = new ClienteParser(cabecalho);
            rej.write(cabecalho + ",motivo\n");
            BiConsumer<String, String> rejeita = (l, motivo) -> rej.write(l + ",\"" + motivo.replace("\"", "\"\"") + "\"\n");
`;
    const tryPlain = String.raw`        Path entrada = Path.of(args[0]);
        try (BufferedReader in = Files.newBufferedReader(entrada, StandardCharsets.UTF_8);
                BufferedWriter rej = Files.newBufferedWriter(entrada.resolveSibling("rejeitados.csv"), StandardCharsets.UTF_8)) {
            String cabecalho = in.readLine();
            ClienteParser parser = new ClienteParser(cabecalho);
            rej.write(cabecalho + ",motivo\n");
`;

    return [
      {
        user: first,
        model: [
          [
            think('Build everything and run the hand-rolled runner first, then read the parser around the two lines the trace names.'),
            bash(tests, 'Compilar e rodar os testes'),
          ],
          [bash(`sed -n '22,41p' ${PKG}/ClienteParser.java`, 'Ler o parser')],
          [
            think(
              'Line 38 is Long.parseLong inside parseLimite, called from parseLinha:31. split(",") cuts "Rua das Laranjeiras, 45" in two, every column after endereco ' +
                'slides one to the right and limite_credito ends up holding the UF; that is the "SP" in production. Second problem, separate: split drops trailing ' +
                'empty strings, so a row that ends in an empty email comes back one field short. Two tests from the sample rows before touching anything.',
            ),
            edit('test/TestMain.java', '    static void testValidadorUf() {', twoTests),
          ],
          [bash(tests, 'Compilar e rodar os testes')],
          [
            think('Both reproduce. The empty email first, it is the cheap one: split with a negative limit keeps the trailing empty strings.'),
            edit(`${PKG}/ClienteParser.java`, '        String[] c = linha.split(",");\n', '        String[] c = linha.split(",", -1);\n'),
          ],
          [bash(tests, 'Compilar e rodar os testes')],
          [
            think(
              `split(",", -1) fixes the empty email only; it ${split.why}, so the columns still slide. Back it out; the line needs a real tokenizer, not a split.`,
            ),
            bash(`git checkout -- ${PKG}/ClienteParser.java && git status --short`, 'Desfazer o split(",", -1)'),
          ],
          [
            think(
              `Two ways to split a line. ${machine.alternative} — the lookahead trick ,(?=(?:[^"]*"[^"]*")*[^"]*$) — is brittle once a field carries doubled quotes ` +
                `like the Empório ""Dona Nena"" row in the sample, and it rescans the rest of the line at every comma. ${machine.choice[0].toUpperCase()}${machine.choice.slice(1)} ` +
                `(inside quotes / outside quotes) ${machine.reason}, and it is plain JDK. That's the one.`,
            ),
            write(`${PKG}/CsvLinha.java`, csvLinha),
          ],
          [edit(`${PKG}/ClienteParser.java`, parseOld, parseNew)],
          [edit(`${PKG}/ClienteParser.java`, 'import java.util.HashMap;\n', 'import java.util.HashMap;\nimport java.util.List;\n')],
          [bash(tests, 'Compilar e rodar os testes')],
          [
            think(
              `All green. Now the count. ${stderr.alternative[0].toUpperCase()}${stderr.alternative.slice(1)} would land inside clientes.txt: ${stderr.reason}, ` +
                `which treats every line as a client. So: ${stderr.choice}, with accepted and rejected next to the total.`,
            ),
            edit(`${PKG}/Importador.java`, loopOld, loopCount),
          ],
          [bash(amostra, 'Rodar o importador na amostra')],
          [
            think(
              'Row 1007 has no email column at all, not even the trailing comma. campo() hands back null for it and Validador calls isBlank on null. ' +
                'A missing trailing column should read as empty, the same as a trailing comma.',
            ),
            edit(
              `${PKG}/ClienteParser.java`,
              '    /** Campo pelo nome da coluna; null se a linha veio com menos colunas que o cabeçalho. */\n    private String campo(List<String> c, String nome) {\n        int i = col(nome);\n        return i < c.size() ? c.get(i).trim() : null;\n',
              '    /** Campo pelo nome da coluna; vazio se a linha veio com menos colunas que o cabeçalho. */\n    private String campo(List<String> c, String nome) {\n        int i = col(nome);\n        return i < c.size() ? c.get(i).trim() : "";\n',
            ),
          ],
          [edit('test/TestMain.java', '    static void testValidadorUf() {', semColuna)],
          [bash(tests, 'Compilar e rodar os testes')],
          [bash(amostra.replace('tail -n 6', 'tail -n 4'), 'Rodar o importador na amostra de novo')],
          [
            say(
              'Pronto! Resumo:\n\n' +
                '- **Aspas com vírgula**: o parser agora usa um tokenizador novo (`CsvLinha`) em vez de `split(",")`; endereço tipo `"Rua das Laranjeiras, 45"` e aspas dobradas (`""Dona Nena""`) funcionam.\n' +
                '- **Email vazio**: tanto a coluna vazia no fim quanto a coluna que nem vem viram email vazio, e o cliente entra (email é opcional no Validador).\n' +
                '- **Contagem**: no fim sai `processados N registros: X aceitos, Y rejeitados` no **stderr**, pra não misturar com o arquivo que vai pro loader.\n\n' +
                'Testei com 3 testes novos no TestMain (todos passam) e rodando a `dados/clientes-amostra.csv`. Só JDK, nada de fora.',
            ),
          ],
        ],
      },
      {
        user: second,
        model: [
          [
            think('Generate the file, then time the run with stdout to /dev/null; the count line is on stderr, so it stays visible next to the timing.'),
            bash('sh scripts/gera-grande.sh > dados/grande.csv && wc -l dados/grande.csv', 'Gerar o arquivo grande'),
          ],
          [
            bash(
              'mkdir -p perf && (time java -cp out br.com.casafarias.csv.Importador dados/grande.csv > /dev/null) 2>&1 | tee perf/antes.txt',
              'Medir com time',
            ),
          ],
          [
            think(
              `That is far too slow for a file this size, and the tokenizer is one pass per line, so it is not where the time goes. Importador keeps the ids in an ArrayList ` +
                `and asks vistos.contains for every row: ${hashSet.reason}, so the whole run is quadratic in the file. ${hashSet.alternative[0].toUpperCase()}${hashSet.alternative.slice(1)} ` +
                `would mean keeping the list sorted on every insert; ${hashSet.choice} answers in constant time and the order of the ids is never used. The HashSet.`,
            ),
            edit(`${PKG}/Importador.java`, '            List<Long> vistos = new ArrayList<>();\n', '            Set<Long> vistos = new HashSet<>();\n'),
          ],
          [edit(`${PKG}/Importador.java`, 'import java.util.ArrayList;\nimport java.util.List;\n', 'import java.util.HashSet;\nimport java.util.Set;\n')],
          [bash(tests, 'Compilar e rodar os testes')],
          [
            bash(
              '(time java -cp out br.com.casafarias.csv.Importador dados/grande.csv > /dev/null) 2>&1 | tee perf/depois.txt | tail -n 5',
              'Medir de novo com time',
            ),
          ],
          [bash(commit, 'Commit')],
          [
            say(
              'Ok, não commitei nada, fica tudo aí pra você revisar (`git diff`).\n\n' +
                'Sobre o tempo: a máquina de estados não era o problema. O que pesava era a checagem de id duplicado: o `Importador` guardava os ids numa `ArrayList` e fazia `contains` ' +
                'a cada linha, o que cresce com o quadrado do arquivo. Troquei por um `HashSet` e o tempo caiu bastante (os dois `time` estão em `perf/antes.txt` e `perf/depois.txt`). ' +
                'Com os 212 mil de produção a diferença vai ser bem maior ainda, já que o custo antigo crescia com o quadrado.',
            ),
          ],
        ],
        refuse: { [commit]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Brazilian user; Java 17 customer importer built with plain javac and a hand-rolled TestMain runner. Parser fixed for quoted fields and missing emails, a count line added, the duplicate check made fast. Nothing committed.',
          intent:
            'Fix the nightly import that broke in production on quoted addresses with commas; accept empty or missing emails; print how many records were processed; time the importer on a large generated file. JDK only, no external libraries.',
          concepts: ['Java 17 records', 'hand-rolled reflection test runner', 'CSV quoting', 'stdout vs stderr', 'ArrayList.contains vs HashSet'],
          files: [
            `${PKG}/CsvLinha.java: new CSV tokenizer`,
            `${PKG}/ClienteParser.java: uses the tokenizer; missing columns read as empty`,
            `${PKG}/Importador.java: count line on stderr; HashSet of ids`,
            'test/TestMain.java: tests for quoted addresses, empty and missing emails',
          ],
          errors: [
            'The quoted address shifted the columns; fixed',
            'A row ending in an empty email was short of a field; fixed',
            'A row without the email column crashed the validator; fixed',
          ],
          solving:
            'A split with a negative limit was tried and backed out; a tokenizer replaced it. The slowness was the duplicate-id check, not the tokenizer.',
          messages: [
            'Long message with the production log: fix quoted commas, empty emails, add a count; JDK only',
            'Time the importer on the big file',
            'Refused the commit (wants to review the diff)',
          ],
          pending: ['The user reviews the diff before anything is committed'],
          current: 'Both timings saved under perf/.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: third,
        model: [
          [
            bash(
              'git add src test && git commit -q -m "importador: CSV com aspas, coluna de email ausente, contagem no stderr, ids em HashSet" && git log --oneline -1',
              'Commit de src e test',
            ),
          ],
          [
            think(
              `Brazilian format. ${bigDecimal.alternative} parses "1.500,00", but ${bigDecimal.reason} and returns what it read so far, so 1.500,00x would pass as 1500 — ` +
                `a typo in the ERP would become a wrong credit limit without a word. ${bigDecimal.choice[0].toUpperCase()}${bigDecimal.choice.slice(1)} throws on anything odd, ` +
                'and longValueExact catches a third decimal place. A value is Brazilian when it has a comma; otherwise the old dot form still works. The plain string route then.',
            ),
            edit(`${PKG}/ClienteParser.java`, limiteOld, limiteNew),
          ],
          [edit(`${PKG}/ClienteParser.java`, 'import java.util.HashMap;\n', 'import java.math.BigDecimal;\nimport java.util.HashMap;\n')],
          [edit('test/TestMain.java', '    static void testValidadorUf() {', brTest)],
          [bash(tests, 'Compilar e rodar os testes')],
          [
            think(
              'Rejected rows: a writer next to the input file, one line per rejection, the original line plus the reason quoted. stdout stays exactly as it was.',
            ),
            edit(`${PKG}/Importador.java`, tryOld, tryLambda),
          ],
          [
            edit(
              `${PKG}/Importador.java`,
              '                    rejeitados++;\n                    continue;\n',
              '                    rejeitados++;\n                    rejeita.accept(linha, motivo);\n                    continue;\n',
            ),
          ],
          [
            edit(
              `${PKG}/Importador.java`,
              'import java.io.BufferedReader;\nimport java.io.IOException;\n',
              'import java.io.BufferedReader;\nimport java.io.BufferedWriter;\nimport java.io.IOException;\n',
            ),
          ],
          [edit(`${PKG}/Importador.java`, 'import java.util.Set;\n', 'import java.util.Set;\nimport java.util.function.BiConsumer;\n')],
          [bash(tests, 'Compilar e rodar os testes')],
          [
            think(
              'BufferedWriter.write throws IOException and a BiConsumer cannot. No need for the lambda at all: write in the loop, where main already declares IOException.',
            ),
            edit(`${PKG}/Importador.java`, tryLambda, tryPlain),
          ],
          [
            edit(
              `${PKG}/Importador.java`,
              '                    rejeita.accept(linha, motivo);\n',
              '                    rej.write(linha + ",\\"" + motivo.replace("\\"", "\\"\\"") + "\\"\\n");\n',
            ),
          ],
          [edit(`${PKG}/Importador.java`, 'import java.util.Set;\nimport java.util.function.BiConsumer;\n', 'import java.util.Set;\n')],
          [bash(tests, 'Compilar e rodar os testes')],
          [
            bash(
              'java -cp out br.com.casafarias.csv.Importador dados/clientes-amostra.csv > /tmp/clientes-amostra.txt; cat dados/rejeitados.csv; head -n 3 /tmp/clientes-amostra.txt',
              'Rodar na amostra e ver o rejeitados.csv',
            ),
          ],
          [
            say(
              'Feito:\n\n' +
                '1. Commitei só `src/` e `test/` (o `perf/` e o `dados/grande.csv` ficam de fora, estão no .gitignore).\n' +
                '2. **Limite no formato brasileiro**: `"1.500,00"` e `"12,5"` são aceitos; o formato antigo com ponto continua funcionando. Valor mal formado dá erro em vez de virar um número errado.\n' +
                '3. **rejeitados.csv**: fica do lado do arquivo de entrada, com o cabeçalho original + coluna `motivo`, uma linha por rejeição (`id duplicado`, `email inválido: …`).\n\n' +
                'A saída (stdout) não mudou nada, mesma ordem de colunas. Testes todos passando.',
            ),
          ],
        ],
      },
      {
        user: fourth,
        model: [
          [
            edit(
              'LEIAME.md',
              '    java -cp out br.com.casafarias.csv.Importador clientes.csv > clientes.txt\n',
              '    java -cp out br.com.casafarias.csv.Importador clientes.csv > clientes.txt\n\n' +
                'No fim o importador escreve no **stderr** `processados N registros: X aceitos, Y rejeitados`; o stdout é só o arquivo do loader.\n\n' +
                '## limite_credito\n\nAceita `1500`, `1500.00` e o formato do ERP novo, `"1.500,00"` (entre aspas no CSV por causa da vírgula). ' +
                'Valor mal formado é erro, nunca é lido pela metade.\n\n' +
                '## rejeitados.csv\n\nCriado do lado do arquivo de entrada (`dados/clientes.csv` → `dados/rejeitados.csv`): o cabeçalho original mais a coluna `motivo`, ' +
                'uma linha por cliente rejeitado (`id duplicado`, `email inválido: …`, `uf inválida: …`).\n\n' +
                "## Exemplo\n\n    javac -d out $(find src -name '*.java')\n    java -cp out br.com.casafarias.csv.Importador dados/clientes-amostra.csv > /tmp/clientes.txt\n    cat dados/rejeitados.csv\n",
            ),
          ],
          [say('LEIAME.md atualizado: seção do limite (formatos aceitos), do `rejeitados.csv` (onde fica e as colunas) e um exemplo rodando na amostra.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Brazilian user; Java 17 importer. After the parser fixes and the timing, committed src/test; added pt-BR decimals and rejeitados.csv; documented both.',
          intent:
            'Fix the CSV import (quoted commas, empty emails, a count line), time it, then accept pt-BR credit limits and write rejected rows to rejeitados.csv; update the README. JDK only; never change the output column order.',
          concepts: ['CSV tokenizer', 'BigDecimal parsing', 'checked exceptions in lambdas', 'hand-rolled TestMain'],
          files: [
            `${PKG}/ClienteParser.java: pt-BR limits`,
            `${PKG}/Importador.java: rejeitados.csv next to the input`,
            'test/TestMain.java: pt-BR limit test',
            'LEIAME.md: limite_credito, rejeitados.csv, example',
          ],
          errors: ['A compile error from writing inside a lambda; fixed by writing in the loop'],
          solving: 'Number parsing stays strict; rejected rows keep the original line plus a reason.',
          messages: [
            'Earlier messages are in the previous summary',
            'Commit src and test; pt-BR limits; rejeitados.csv with the reason; never change the output column order',
            `"${fourth}"`,
          ],
          pending: [],
          current: 'LEIAME.md updated; tests pass.',
          next: 'None.',
        }),
      },
    ];
  },
};
