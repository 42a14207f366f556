// An English user who pastes production stack traces (Spring/Tomcat frames, 30+ lines each) into a small
// plain-javac billing module (`javac -d out $(find src -name '*.java')`, a hand-written `billing.TestMain`
// printing PASS/FAIL rows and "N passed, M failed"). Thinking in most turns. The agent reproduces each
// trace locally with a throwaway main before touching code: a NullPointerException (null discount code)
// is fixed after a requireNonNull detour is taken back; an IllegalStateException (finalizing twice from a
// retry job) is reproduced, the agent asks a numbered question, the user answers "3" and it is left as a
// failing TestMain case. Exceptions that appear only in the pasted traces are negative facts for the
// errors section. Written as a held-out scenario by a helper that never read the analysis: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const INVOICE = `package billing;

import java.util.ArrayList;
import java.util.List;

public class Invoice {
    private final String id;
    private final String discountCode;
    private final List<Long> lineCents = new ArrayList<>();
    private boolean finalized;

    public Invoice(String id, String discountCode) {
        this.id = id;
        this.discountCode = discountCode;
    }

    public String id() { return id; }
    public String discountCode() { return discountCode; }
    public void addLine(long cents) { lineCents.add(cents); }
    public List<Long> lines() { return lineCents; }
    public boolean isFinalized() { return finalized; }
    void markFinalized() { finalized = true; }
}
`;

const DISCOUNTS = `package billing;

public final class Discounts {
    private Discounts() {}

    /** Percent off for a discount code; 0 when the code is unknown. */
    public static int rateFor(String code) {
        switch (code.trim().toUpperCase()) {
            case "SPRING10": return 10;
            case "STAFF": return 25;
            default: return 0;
        }
    }
}
`;

const SERVICE = `package billing;

public class InvoiceService {
    public long totalCents(Invoice inv) {
        long sum = 0;
        for (long c : inv.lines()) sum += c;
        int rate = Discounts.rateFor(inv.discountCode());
        return sum - sum * rate / 100;
    }

    public void finalizeInvoice(Invoice inv) {
        if (inv.isFinalized()) throw new IllegalStateException("invoice " + inv.id() + " already finalized");
        inv.markFinalized();
    }
}
`;

const TESTMAIN = `package billing;

/** Hand-written tests: javac -d out $(find src -name '*.java') && java -cp out billing.TestMain */
public final class TestMain {
    static int passed, failed;

    static void check(String name, Runnable body) {
        try {
            body.run();
            passed++;
            System.out.println("PASS " + name);
        } catch (Throwable t) {
            failed++;
            System.out.println("FAIL " + name + ": " + t);
        }
    }

    static void eq(long want, long got) {
        if (want != got) throw new AssertionError("expected " + want + ", got " + got);
    }

    public static void main(String[] args) {
        InvoiceService svc = new InvoiceService();
        check("totalNoLines", () -> eq(0, svc.totalCents(new Invoice("T1", "SPRING10"))));
        check("totalSpring10", () -> { Invoice i = new Invoice("T2", "spring10 "); i.addLine(10000); eq(9000, svc.totalCents(i)); });
        check("totalStaff", () -> { Invoice i = new Invoice("T3", "STAFF"); i.addLine(4000); eq(3000, svc.totalCents(i)); });
        check("totalUnknownCode", () -> { Invoice i = new Invoice("T4", "NOPE"); i.addLine(500); eq(500, svc.totalCents(i)); });
        check("finalizeOnce", () -> { Invoice i = new Invoice("T5", "STAFF"); svc.finalizeInvoice(i); if (!i.isFinalized()) throw new AssertionError("not finalized"); });
        System.out.println(passed + " passed, " + failed + " failed");
    }
}
`;

const TRACE_NPE = `2026-03-03 09:41:17.902 ERROR 1 --- [nio-8080-exec-7] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: java.lang.NullPointerException: Cannot invoke "String.trim()" because "code" is null] with root cause

java.lang.NullPointerException: Cannot invoke "String.trim()" because "code" is null
	at billing.Discounts.rateFor(Discounts.java:8) ~[billing-core-2.3.1.jar!/:na]
	at billing.InvoiceService.totalCents(InvoiceService.java:7) ~[billing-core-2.3.1.jar!/:na]
	at com.acme.web.InvoiceController.preview(InvoiceController.java:58) ~[classes!/:na]
	at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103) ~[na:na]
	at java.base/java.lang.reflect.Method.invoke(Method.java:580) ~[na:na]
	at org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255) ~[spring-web-6.1.4.jar!/:6.1.4]
	at org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest(InvocableHandlerMethod.java:188) ~[spring-web-6.1.4.jar!/:6.1.4]
	at org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118) ~[spring-webmvc-6.1.4.jar!/:6.1.4]
	at org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod(RequestMappingHandlerAdapter.java:926) ~[spring-webmvc-6.1.4.jar!/:6.1.4]
	at org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.handleInternal(RequestMappingHandlerAdapter.java:831) ~[spring-webmvc-6.1.4.jar!/:6.1.4]
	at org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter.handle(AbstractHandlerMethodAdapter.java:87) ~[spring-webmvc-6.1.4.jar!/:6.1.4]
	at org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089) ~[spring-webmvc-6.1.4.jar!/:6.1.4]
	at org.springframework.web.servlet.DispatcherServlet.doService(DispatcherServlet.java:979) ~[spring-webmvc-6.1.4.jar!/:6.1.4]
	at org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014) ~[spring-webmvc-6.1.4.jar!/:6.1.4]
	at org.springframework.web.servlet.FrameworkServlet.doGet(FrameworkServlet.java:903) ~[spring-webmvc-6.1.4.jar!/:6.1.4]
	at jakarta.servlet.http.HttpServlet.service(HttpServlet.java:564) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885) ~[spring-webmvc-6.1.4.jar!/:6.1.4]
	at jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:205) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.springframework.web.filter.RequestContextFilter.doFilterInternal(RequestContextFilter.java:100) ~[spring-web-6.1.4.jar!/:6.1.4]
	at org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116) ~[spring-web-6.1.4.jar!/:6.1.4]
	at org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:174) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:167) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.catalina.core.StandardContextValve.invoke(StandardContextValve.java:90) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.catalina.core.StandardHostValve.invoke(StandardHostValve.java:115) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.catalina.valves.ErrorReportValve.invoke(ErrorReportValve.java:93) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.catalina.core.StandardEngineValve.invoke(StandardEngineValve.java:74) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.catalina.connector.CoyoteAdapter.service(CoyoteAdapter.java:344) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.coyote.http11.Http11Processor.service(Http11Processor.java:391) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.coyote.AbstractProcessorLight.process(AbstractProcessorLight.java:63) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at org.apache.tomcat.util.net.SocketProcessorBase.run(SocketProcessorBase.java:52) ~[tomcat-embed-core-10.1.19.jar!/:na]
	at java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]`;

const TRACE_ISE = `2026-03-03 11:02:44.118  WARN 1 --- [   retry-pool-2] com.acme.payments.GatewayClient          : capture for INV-20977 failed: java.net.SocketTimeoutException: Read timed out, scheduling retry in 30s
2026-03-03 11:03:14.131 ERROR 1 --- [   retry-pool-2] o.s.s.s.TaskUtils$LoggingErrorHandler    : Unexpected error occurred in scheduled task

java.lang.IllegalStateException: invoice INV-20977 already finalized
	at billing.InvoiceService.finalizeInvoice(InvoiceService.java:12) ~[billing-core-2.3.1.jar!/:na]
	at com.acme.payments.CaptureRetryJob.retryOne(CaptureRetryJob.java:71) ~[classes!/:na]
	at com.acme.payments.CaptureRetryJob.lambda$runPending$0(CaptureRetryJob.java:44) ~[classes!/:na]
	at java.base/java.util.ArrayList.forEach(ArrayList.java:1596) ~[na:na]
	at com.acme.payments.CaptureRetryJob.runPending(CaptureRetryJob.java:43) ~[classes!/:na]
	at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103) ~[na:na]
	at java.base/java.lang.reflect.Method.invoke(Method.java:580) ~[na:na]
	at org.springframework.scheduling.support.ScheduledMethodRunnable.runInternal(ScheduledMethodRunnable.java:130) ~[spring-context-6.1.4.jar!/:6.1.4]
	at org.springframework.scheduling.support.ScheduledMethodRunnable.lambda$run$2(ScheduledMethodRunnable.java:124) ~[spring-context-6.1.4.jar!/:6.1.4]
	at io.micrometer.observation.Observation.observe(Observation.java:499) ~[micrometer-observation-1.12.3.jar!/:1.12.3]
	at org.springframework.scheduling.support.ScheduledMethodRunnable.run(ScheduledMethodRunnable.java:124) ~[spring-context-6.1.4.jar!/:6.1.4]
	at org.springframework.scheduling.support.DelegatingErrorHandlingRunnable.run(DelegatingErrorHandlingRunnable.java:54) ~[spring-context-6.1.4.jar!/:6.1.4]
	at java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:572) ~[na:na]
	at java.base/java.util.concurrent.FutureTask.runAndReset(FutureTask.java:358) ~[na:na]
	at java.base/java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.run(ScheduledThreadPoolExecutor.java:305) ~[na:na]
	at java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144) ~[na:na]
	at java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:642) ~[na:na]
	at java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]

2026-03-03 11:03:14.135  INFO 1 --- [   retry-pool-2] com.acme.payments.CaptureRetryJob        : retry batch done: 0 captured, 1 errored
2026-03-03 11:03:44.140 ERROR 1 --- [   retry-pool-2] o.s.s.s.TaskUtils$LoggingErrorHandler    : Unexpected error occurred in scheduled task

java.lang.IllegalStateException: invoice INV-20977 already finalized
	at billing.InvoiceService.finalizeInvoice(InvoiceService.java:12) ~[billing-core-2.3.1.jar!/:na]
	at com.acme.payments.CaptureRetryJob.retryOne(CaptureRetryJob.java:71) ~[classes!/:na]
	at com.acme.payments.CaptureRetryJob.lambda$runPending$0(CaptureRetryJob.java:44) ~[classes!/:na]
	at java.base/java.util.ArrayList.forEach(ArrayList.java:1596) ~[na:na]
	at com.acme.payments.CaptureRetryJob.runPending(CaptureRetryJob.java:43) ~[classes!/:na]
	... 13 common frames omitted`;

const REPRO_NPE = `package billing;

/** Throwaway: reproduce the prod NPE from the preview endpoint. */
public class ReproNpe {
    public static void main(String[] args) {
        Invoice inv = new Invoice("INV-LOCAL-1", null);
        inv.addLine(4990);
        inv.addLine(4990);
        inv.addLine(8755);
        System.out.println(inv.id() + " total " + new InvoiceService().totalCents(inv) / 100.0);
    }
}
`;

const REPRO_ISE = `package billing;

/** Throwaway: what CaptureRetryJob does after a gateway timeout. */
public class ReproIse {
    public static void main(String[] args) {
        InvoiceService svc = new InvoiceService();
        Invoice inv = new Invoice("INV-LOCAL-2", "STAFF");
        inv.addLine(1200);
        svc.finalizeInvoice(inv);
        System.out.println("first finalize ok, finalized=" + inv.isFinalized());
        svc.finalizeInvoice(inv);
        System.out.println("second finalize ok");
    }
}
`;

const CTOR_OLD = '        this.discountCode = discountCode;\n';
const CTOR_NN = '        this.discountCode = java.util.Objects.requireNonNull(discountCode, "discountCode");\n';
const RATE_OLD = '    public static int rateFor(String code) {\n';
const RATE_NEW = '    public static int rateFor(String code) {\n        if (code == null || code.isBlank()) return 0; // prod invoices without a code\n';
const LAST_CHECK = '        System.out.println(passed + " passed, " + failed + " failed");\n';
const NULL_CASE = '        check("totalNullCode", () -> { Invoice i = new Invoice("T6", null); i.addLine(700); eq(700, svc.totalCents(i)); });\n' + LAST_CHECK;
const RETRY_TYPO =
  '        check("retryAfterFinalize", () -> { Invoice i = new Invoice("T7", "STAFF"); svc.finalizeInvoice(i); svc.finalise(i); });\n' + LAST_CHECK;
const RETRY_FIXED_OLD = 'svc.finalise(i);';
const RETRY_FIXED_NEW = 'svc.finalizeInvoice(i);';
const EXIT_NEW = LAST_CHECK + '        if (failed > 0) System.exit(1);\n';

export const scenario = {
  name: 'java-prod-traces-english',
  about:
    'held out: English user pasting 30+ line production stack traces (Spring/Tomcat frames), plain javac -d out and a hand-written TestMain, thinking in most turns; each trace reproduced locally with a throwaway main; NPE fixed after a requireNonNull detour, a curl to the log server refused, IllegalStateException left as a failing TestMain case after a numbered question answered "3"',
  requires: ['javac', 'java', 'git'],
  files: {
    '.gitignore': 'out/\n',
    'README.md':
      "# billing-core\n\nInvoice totals and finalization. Build: `javac -d out $(find src -name '*.java')`, tests: `java -cp out billing.TestMain`.\n",
    'src/billing/Invoice.java': INVOICE,
    'src/billing/Discounts.java': DISCOUNTS,
    'src/billing/InvoiceService.java': SERVICE,
    'src/billing/TestMain.java': TESTMAIN,
  },
  build(k, { edit, write, read }) {
    const npeReq = k.request('can you find out why the invoice preview blows up and fix it');
    const sigs = k.constraint("don't change public method signatures");
    const minimal = k.constraint('keep fixes minimal, no refactors');
    k.error('java.lang.NullPointerException: Cannot invoke "String.trim()" because "<parameter1>" is null', 'resolved');
    const nn = k.rejected('java.util.Objects.requireNonNull(discountCode, "discountCode")', 'requireNonNull only moves the crash to construction time');
    k.error('java.lang.NullPointerException: discountCode');
    const nullFix = k.decision(
      'treat a null or blank code as no discount inside Discounts.rateFor',
      'every caller goes through rateFor, so one guard covers the controller and the batch jobs',
      'returning Optional<String> from Invoice.discountCode()',
    );
    const curlWords = k.refusal("no, you can't reach the log server from that box. everything you need is in what I pasted");
    k.number('187.35');
    k.number('6 passed, 0 failed');
    k.file('src/billing/Discounts.java');
    const iseReq = k.request('this one is from the capture retry job, same kind of thing, can you fix it too');
    const noJob = k.constraint("don't touch CaptureRetryJob, that's the payments team's code");
    k.error('java.lang.IllegalStateException: invoice INV-LOCAL-2 already finalized');
    k.error('error: cannot find symbol', 'resolved');
    k.error('FAIL retryAfterFinalize: java.lang.IllegalStateException: invoice T7 already finalized', 'unresolved');
    k.number('6 passed, 1 failed');
    k.file('src/billing/TestMain.java');
    const exitReq = k.request('make TestMain exit non-zero when anything fails so the CI step goes red');
    const exitDec = k.decision(
      'System.exit(1) after the summary line',
      'CI should still print every failing case, not just the first one',
      'throwing AssertionError from check() on the first failure',
    );
    k.lastRequest(exitReq);
    k.check('java -cp out billing.TestMain', 'failing');
    k.not('errors', 'because "code" is null', 'only in the pasted production trace, never in tool output');
    k.not('errors', 'SocketTimeoutException: Read timed out', 'only in the pasted production log');
    k.not('errors', 'at org.apache.catalina.core.StandardWrapperValve.invoke', 'a frame of the pasted trace');
    k.not('constraints', npeReq, 'a request, not a standing rule');
    k.not('decisions', nn.what, 'tried and taken back: a dead end');
    k.not('rejected', nullFix.choice, 'the null guard was kept');

    const javac = "javac -d out $(find src -name '*.java')";
    const curl = "curl -s 'https://logs.internal.acme.example/api/search?q=INV-20931&around=5m' | head -n 40";
    return [
      {
        user:
          `getting this in prod since the 2.3.1 deploy, ${npeReq}? only some invoices.\n\n\`\`\`\n${TRACE_NPE}\n\`\`\`\n\n` +
          `rules: ${sigs} — the invoicing UI team calls all of these. also ${minimal}.`,
        model: [
          [
            think(
              'The trace bottoms out in Discounts.rateFor calling trim() on a null code, reached from InvoiceService.totalCents. Before changing anything, reproduce it here with an invoice that has no discount code.',
            ),
            read('src/billing/Discounts.java'),
          ],
          [write('src/billing/ReproNpe.java', REPRO_NPE)],
          [bash(`${javac} && java -cp out billing.ReproNpe 2>&1 | head -n 6`, 'Reproduce the NPE locally')],
          [
            think(
              'Reproduced: same frames (Discounts.rateFor <- InvoiceService.totalCents). Locally javac runs without -g so the message names the parameter slot instead of "code". First idea: reject null at the source, in the Invoice constructor.',
            ),
            edit('src/billing/Invoice.java', CTOR_OLD, CTOR_NN),
          ],
          [bash(`${javac} && java -cp out billing.ReproNpe 2>&1 | head -n 4`, 'Run the repro again')],
          [
            think(
              `That's worse: ${nn.why}, and invoices with no code are legitimate in prod (most of them). Revert.\n\n` +
                `Options for the real fix:\n1. ${nullFix.alternative} — changes a public signature, which the user ruled out\n2. ${nullFix.choice}\n\n` +
                `Option 2: ${nullFix.reason}.`,
            ),
            edit('src/billing/Invoice.java', CTOR_NN, CTOR_OLD),
            edit('src/billing/Discounts.java', RATE_OLD, RATE_NEW),
          ],
          [bash(`${javac} && java -cp out billing.ReproNpe`, 'Repro after the fix')],
          [think('Would be good to confirm which invoices in prod had no code. Try the log search API.'), bash(curl, 'Look up the invoice in the log server')],
          [
            think('Fine, the paste is enough. Add a regression case to TestMain and drop the throwaway repro.'),
            edit('src/billing/TestMain.java', LAST_CHECK, NULL_CASE),
            bash(`rm src/billing/ReproNpe.java && rm -rf out && ${javac} && java -cp out billing.TestMain | tail -n 3`, 'Remove repro, run tests'),
          ],
          [
            say(
              'Fixed. Reproduced it locally first (invoice with a null discount code → NPE in `Discounts.rateFor`).\n\n' +
                '- `Discounts.rateFor` now returns 0 for a null/blank code; no signatures changed\n' +
                '- I briefly tried rejecting null in the `Invoice` constructor but reverted it, it just moved the crash\n' +
                '- new TestMain case `totalNullCode`; all cases pass',
            ),
          ],
        ],
        refuse: { [curl]: curlWords },
      },
      {
        user: `nice, thanks. ${iseReq}? happens every time the gateway times out. ${noJob} though\n\n\`\`\`\n${TRACE_ISE}\n\`\`\``,
        model: [
          [
            think(
              'The retry job calls finalizeInvoice again on an invoice the first attempt already finalized (the capture timed out after finalization). Reproduce: finalize the same invoice twice.',
            ),
            write('src/billing/ReproIse.java', REPRO_ISE),
          ],
          [bash(`${javac} && java -cp out billing.ReproIse 2>&1 | head -n 5`, 'Reproduce the ISE locally')],
          [
            think('Reproduced. But the right fix depends on what "finalized" means for payments — a silent no-op could hide a double capture. Ask.'),
            say(
              'Reproduced locally: finalizing the same invoice twice throws, exactly like the retry job does after a timeout. How do you want it handled?\n\n' +
                '1. make `finalizeInvoice` idempotent (second call is a no-op)\n' +
                '2. keep the exception and have `CaptureRetryJob` check `isFinalized()` first (that class is outside this repo)\n' +
                '3. leave the behaviour for now and add a failing TestMain case that pins it down',
            ),
          ],
        ],
      },
      {
        user: '3',
        model: [
          [edit('src/billing/TestMain.java', LAST_CHECK, RETRY_TYPO), bash(`${javac} 2>&1 | head -n 8`, 'Compile')],
          [edit('src/billing/TestMain.java', RETRY_FIXED_OLD, RETRY_FIXED_NEW)],
          [bash(`rm src/billing/ReproIse.java && rm -rf out && ${javac} && java -cp out billing.TestMain`, 'Run tests')],
          [say('Added `retryAfterFinalize` to TestMain; it fails on purpose until payments decides. Repro class removed.')],
        ],
      },
      {
        user: `ok good, I'll take it to the payments people. last thing: ${exitReq}, right now it always exits 0`,
        model: [
          [
            think(`Two ways: ${exitDec.alternative}, or ${exitDec.choice}. The second, since ${exitDec.reason}.`),
            edit('src/billing/TestMain.java', LAST_CHECK, EXIT_NEW),
          ],
          [bash(`${javac} && java -cp out billing.TestMain | tail -n 2; echo "exit=$?"`, 'Run tests')],
          [bash(`java -cp out billing.TestMain > /dev/null; echo "exit=$?"`, 'Exit code without the pipe')],
          [say('Done: TestMain now exits 1 when any case fails. Right now that is `retryAfterFinalize`, so CI will be red until that one is decided.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'User pasted two production stack traces from billing-core 2.3.1 and asked for fixes. Plain javac project with a hand-written TestMain.',
          intent:
            'Fix the invoice preview crash and the retry-job crash from production traces; make TestMain fail CI on failures. Public signatures must not change; minimal fixes.',
          concepts: ['plain javac -d out', 'hand-written test main', 'reproducing production traces locally'],
          files: ['src/billing/Discounts.java: null-safe rateFor', 'src/billing/TestMain.java: new cases, exit code'],
          errors: ['Null discount code crash fixed', 'Double finalize still throws; test case added and failing'],
          solving: 'Each trace was reproduced with a throwaway main first. A constructor null check was tried and reverted. Log server lookup was refused.',
          messages: [
            'Fix the preview NPE; keep public signatures; minimal fixes',
            'Refused the log server lookup',
            'Fix the retry job ISE',
            'Chose option 3',
            'Make TestMain exit non-zero',
          ],
          pending: ['Decide the double-finalize behaviour with the payments team'],
          current: 'TestMain exits 1 while retryAfterFinalize fails.',
          next: 'Wait for the payments decision.',
        }),
      },
    ];
  },
};
