// Classifies sentences people and the model wrote: a decision with its reason, an approach given up,
// a standing constraint from the user. Pure functions over one sentence at a time.
import { specificity } from './text.js';

/** "Instead of" in the languages agents answer in besides English and German: names the alternative a choice dismissed. */
const OTHER_LANGUAGE_INSTEAD = String.raw`\b(?:daripada|alih-alih|ketimbang|yerine|en (?:lugar|vez) de|em (?:vez|lugar) de|ao invés de|au lieu de|plutôt que|invece di|in plaats van|ke bajaye|ki jagah|istället för|i stället för|i stedet for|frem for|în loc de|in loc de)\b|به جای|به‌جای|anziché|вместо|zamiast|ではなく|代わりに|대신|αντί (?:για|να)|και όχι|thay vì|, а не |замість|вместо того|(?<![A-Za-zÀ-ÿ])(?:í stað|í staðinn fyrir|frekar en)(?![A-Za-zÀ-ÿ])|, ekki |(?<![A-Za-zÀ-ɏ])(?:helyett|namísto|namiesto|umjesto|umesto|namesto|vietoj|asemel)(?![A-Za-zÀ-ɏ])|, (?:mitte|nevis|nem pedig) |، نه `;

/**
 * "I chose" / "I choose" in the languages agents answer in (Estonian "valisin", Hungarian "választom", Polish
 * "wybrałem", Spanish "elegí", Russian "выбрал", …): a chooser and a choice in one word. (Not "решил", which is
 * as often "solved" as "decided".)
 */
const OTHER_LANGUAGE_CHOSE = String.raw`(?<![A-Za-zÀ-ɏА-яЁёІіЇїЄєҐґ])(?:valisin|valime|otsustasin|otsustasime|valitsin|valitsen|valitsemme|päätin|päätimme|választom|választottam|döntöttem|wybieram|wybrałem|wybrałam|zdecydowałem|zdecydowałam|vybral jsem|vybrala jsem|volím|rozhodl jsem|rozhodla jsem|vyberám|zvolil som|zvolila som|rozhodol som|biram|odabrao sam|odabrala sam|odlučio sam|odlučila sam|izabrao sam|izabrala sam|odločil sem|odločila sem|am ales|am decis|seçtim|seçiyorum|tercih ettim|elijo|elegí|opté|me quedo con|escolhi|escolho|optei|scelgo|ho scelto|opto per|je choisis|j['’]ai choisi|je pars sur|je retiens|ik kies|ik koos|heb gekozen|jag valde|jeg velger|jeg valgte|jeg vælger|pasirinkau|renkuosi|izvēlējos|izvēlos|избрах|избирам|выбираю|выбрал|выбрала|обираю|обрав|обрала)(?![A-Za-zÀ-ɏА-яЁёІіЇїЄєҐґ])|我选择|我選擇|我决定|我決定|选用|選用|採用します|선택했|선택합니다|انتخاب کردم|انتخاب می‌کنم|اخترت|בחרתי|(?<![A-Za-zÀ-ɏ])(?:uporabim|izberem|izbral sem|izbrala sem)(?![A-Za-zÀ-ɏ])|(?<![А-яЁёӨөҮү])(?:сонгоно|сонголоо)(?![А-яЁёӨөҮү])|^raje\s|(?<![\u10D0-\u10FF])(?:ვირჩევ|ავირჩიე|გადავწყვიტე)(?![\u10D0-\u10FF])`;

/** A choice pattern that also knows "I chose" in other languages. */
function withOtherLanguageChoices(pattern: RegExp): RegExp {
  return new RegExp(`${pattern.source}|${OTHER_LANGUAGE_CHOSE}`, pattern.flags);
}

const DECISION = new RegExp(
  [
    String.raw`\b(?:I|we)(?:'ll| will| am going to|'m going to| are going to|'re going to| should| decided| chose| opted| went)\b`,
    String.raw`\blet'?s (?:use|(?<![.\w/-])go with|keep|stick|switch|do|try|make|add|put|store|write|move|split|run|implement)\b`,
    // (not "what was actually decided": a pointer to a choice, which is told where it was made)
    String.raw`(?<!\bwhat (?:was|is|has been|had been|we|you|they|i|the user) (?:\w+ )?)\b(?:decided|decide|deciding)\b`,
    String.raw`\bgo(?:ing)? with\b`,
    String.raw`\b(?:i|we|they|you|user|he|she|and|then|finally) chose\b|\b(?:choose|chosen|choosing|opted|opting|settled on|settle on|picked|prefer)\b`,
    String.raw`\binstead of\b`,
    String.raw`\brather than\b`,
    // "I'd rather keep the Map than switch to an object since…": the choice and what it was preferred to.
    String.raw`\b(?:i['’]d|i would|we['’]d|we would) rather\b[^.;]{1,80}?\bthan\b`,
    // Icelandic: "Fór í hash of arrays … í stað sorted list", "valdi", "ákvað".
    String.raw`(?<![A-Za-zÀ-ÿ])(?:fór í|förum í|valdi|völdum|ákvað|ákváðum)(?![A-Za-zÀ-ÿ])`,
    String.raw`\b(?:the|my|our) (?:approach|strategy|fix|solution) (?:is|will be|here is)\b`,
    String.raw`\b(?:better|best|safer|simpler|cleaner) (?:to|approach|option)\b`,
    String.raw`^(?:decision|choice|conclusion|verdict|settled|going to)\b`,
    // "Decision:" in the user's language, as an agent answering in it writes: "Рішення: створюю схему…".
    String.raw`^(?:рішення|решение|decisión|decisão|décision|entscheidung|decisione|beslissing|beslutning|beslut|päätös|decizie|karar|keputusan|decyzja|απόφαση|quyết định|تصمیم|결정|决定|決定|döntés|otsus|lēmums|sprendimas|rozhodnutie|rozhodnutí|odluka|odločitev|decisió|ákvörðun|desisyon|結論|结论|方針)\s*[:：]`,
    // "Solution:"/"Fix:" in another language, with its reason after it: "Korjaus: rajaan silmukan…, koska …".
    String.raw`^(?:ratkaisu|korjaus|lösung|solución|solução|soluzione|oplossing|løsning|lösning|rozwiązanie|çözüm|solusi|giải pháp|megoldás|řešení)\s*[:：].{3,}(?<!\p{L})(?:koska|weil|porque|parce que|perché|omdat|fordi|eftersom|ponieważ|çünkü|karena|vì|mert|protože|потому что)(?!\p{L})`,
    String.raw`\b(?:should|will|must|shall) (?:be|use|stay|remain|live|go|keep)\b`,
    String.raw`\bthe (?:best|right|simplest|safest|cleanest) (?:way|approach|option|fix)\b`,
    String.raw`\bbecause\b.*\b(?:use|using|keep|switch|went|chose|pick)\b`,
    // German and Chinese: "ich speichere X statt Y, weil …", "决定用 X 而不是 Y".
    String.raw`\b(?:ich|wir) (?:speichere|speichern|nehme|nehmen|verwende|verwenden|nutze|nutzen|setze|setzen|entscheide|wähle|bleibe|bleiben)\b|\b(?:statt|anstatt)\b|决定|选择|改用|采用`,
    // The agent answering in the user's language: "saya pakai X, bukan Y, karena…", "X yerine Y", "en lugar de".
    String.raw`\b(?:saya|kami|kita) (?:pakai|pilih|gunakan|memilih|menggunakan|memakai|putuskan|memutuskan)\b|\bjag (?:väljer|använder)\b|προτιμώ|επιλέγω|(?:tôi|mình) (?:chọn|dùng)|${OTHER_LANGUAGE_INSTEAD}`,
    OTHER_LANGUAGE_CHOSE,
  ].join('|'),
  'i',
);

/** Planning chatter that matches the decision words but carries no choice. */
const CHATTER =
  /^(?:let me|now let me|i'll (?:now )?(?:start|begin|check|look|read|run|open|take a look|first|help|create a todo|update the todo|mark)|i will (?:now )?(?:start|check|look|read|run)|let's (?:see|check|look|start|begin))\b/i;

const IMPERATIVE_CHOICE =
  /^(?:use|keep|store|put|stick with|switch to|make|prefer|avoid|go for|pick|cache|split|move|leave|default to|treat|round|require|return|reject|limit|allow|always|never|only)\b/i;
/** "X, not Y": a choice stated by what it is not. */
const NOT_THAT = /\w, not (?!just\b|only\b|yet\b|sure\b|because\b)(?:an? |the )?\w+/;
const RATIONALE =
  /\b(?:because|since|so that|so we|so it|so the|as it|as this|to avoid|to keep|to prevent|to make|to stay|to fit|in order to|which (?:means|keeps|avoids|is)|otherwise|due to|given that|the reason|weil|denn|damit|sonst|karena|sebab|supaya|porque|ya que|parce que|puisque|omdat|kyunki|kyonki|eftersom|därför att|fordi|deoarece|pentru că|koska|mert|protože|pretože|perquè|sest|nes|kadangi|tāpēc ka|jer|budući da|ker|kasi|dahil)\b|(?<![\u0600-\u06FF])(?:چون|زیرا)(?![\u0600-\u06FF])|защото|لأن|מכיוון ש|γιατί|επειδή|διότι|bởi vì|(?<![а-яіїєґ])(?:бо|тому що|оскільки|адже)(?![а-яіїєґ])|çünkü|perché|poiché|потому что|так как|ponieważ|因为|由于|所以|否则|ので|ため|때문에/i;

const REJECTED = new RegExp(
  [
    // ("…doesn't pass the locale parameter" hands over an argument: no test failing.)
    String.raw`\b(?:doesn'?t|does not|didn'?t|did not|won'?t|will not|wouldn'?t|can'?t|cannot) (?:work|help|fix|solve|build|compile|pass(?! (?:the|a|an|any|its|this|that|these|those|in|it|them)\b)|scale)\b`,
    String.raw`\bnot (?:going to|gonna) work\b`,
    String.raw`\b(?:abandon|abandoned|abandoning|give up on|gave up on|giving up on|dead end|scrap|scrapped|scrapping|ditch|ditched|ditching|drop(?:ped|ping)? (?:the|that|this) (?:idea|approach|attempt))\b`,
    String.raw`\b(?:revert|reverted|reverting|roll(?:ed)? back|rolling back|undo|undoing|undid|back out|backed out|backing out)\b`,
    String.raw`\b(?:ruled out|rule out|ruling out|discarded|discarding|rejected|won'?t fly|no good|no luck|after all|too (?:slow|fragile|complex|brittle|risky|expensive|heavy|flaky))\b`,
    String.raw`\btried\b.*\b(?:still|same (?:error|problem|failure)|no effect|no difference|didn'?t|doesn'?t|failed)\b`,
    String.raw`\bswitch(?:ed|ing)? (?:to|back to|over to)\b`,
    String.raw`\b(?:that|this|the previous|the first|my first|the old|the original) (?:approach|attempt|idea|fix|way) (?:failed|didn'?t|doesn'?t|was wrong|is wrong|won'?t|broke)\b`,
    String.raw`\bturn(?:s|ed) out\b`,
    String.raw`\b(?:went|go|going|gone|switch(?:ed|ing)?|roll(?:ed|ing)?) back\b`,
    String.raw`^(?:back|returning|reverting) to\b|\breturn(?:ed|ing)? to (?:the )?(?:old|previous|original|earlier)\b`,
    String.raw`\b(?:drop|dropping|dropped|removing|removed) (?:the|that|this|my|our)\b.*(?::|\bbecause\b|\bsince\b)`,
    String.raw`\btried\b.*\bbut\b`,
    String.raw`^(?:dropping|dropped|abandoning|scrapping|ditching|reverting|removing|backing out|giving up on)\s+\S+.*?(?::|—|\bbecause\b|\bsince\b|,)`,
    String.raw`^not using\b|\b(?:is|are) out\b(?! of\b)|\bno longer\b`,
    String.raw`\b(?:geht nicht|funktioniert nicht|klappt nicht|verworfen|rückgängig)\b|不用|不行|放弃|回滚|撤销`,
  ].join('|'),
  'i',
);
/**
 * A sentence that could state a choice at all: not musing or hedging, not telling the user about their
 * own setup, not a table row, not a diagnosis, not a step announced, not a quoted fragment.
 */
export function isChoiceCandidate(sentence: string, afterOptions = false, weighedInThinking = false): boolean {
  const s = sentence.trim();
  // "I'll run every workspace's tests rather than only money's: CI stops at the first failure" opens like a
  // step, but names what it beat and why: a choice of how to do the step.
  // (In the agent's text only with the reason set apart after a colon: "I'll debug it instead of rewriting it,
  // since the config looks right" told to the user is a step of debugging, labelled so on held-out logs.)
  const weighedStep = weighedInThinking || (ALTERNATIVE_NAMED.test(s) && /^[^:]{8,160}:\s+\S.{8,}/.test(s));
  const hedgeText = weighedStep ? s.replace(STEP_AS_HEDGE, ' ') : s;
  // "The cleanest fix is X rather than Y, because Z" proposes to the user in their text; in thinking,
  // with the alternative and the reason, it is the choice itself.
  if (isNotAStatement(s) || HEDGED.test(hedgeText) || (ACTION_STEP.test(s) && !weighedStep) || (PROPOSAL.test(s) && !weighedInThinking) || TACTIC.test(s))
    return false;
  // "Now I'm rerunning the release SHA with the path normalized…, not the alias": a step under way.
  if (/^(?:now |next |so )?i['’]m (?:re-?)?\w+ing\b/i.test(s) && !/\b(?:instead of|rather than|switch(?:ing)? to|going with|decided|chose)\b/i.test(s))
    return false;
  // "So when we inject the DLL, we're installing hooks before…": what follows from a condition, chosen by nobody.
  if (/^(?:(?:so|and|but|then),?\s+)?(?:when|whenever|once|if|unless)\b[^,]{3,120},\s*(?:we|it|they|this|that)(?:['’]re| are| is|['’]s)\b/i.test(s))
    return false;
  // A report of work done chooses nothing; "Tried X; still fails" is an attempt given up, judged as such.
  if (PROGRESS_OR_REPORT.test(s) && !(EVIDENCE_OF_UNDOING.test(s) && REJECTED.test(s))) return false;
  if (NARRATION.test(s) && !STRONG_CHOICE.test(s)) return false;
  // "The clang will be picked up from the tools path": a prediction of what happens, chosen by nobody.
  if (PREDICTION.test(s) && !RATIONALE.test(s)) return false;
  // A step or a status ("I'll implement…", "I'm double-checking…", "I've already created…") chooses
  // nothing, unless it names what it beat, or it is the pick right after the options were weighed.
  if (!afterOptions && STEP_OR_STATUS.test(s) && !ALTERNATIVE_NAMED.test(s)) return false;
  if (/^(?:you(?:'re|’re| are| were)\b|\||⏺|⎿|\*?["“](?=.*(?:…|\.\.\.)))/i.test(s)) return false;
  if (/^(?:the )?user (?:wants|asks|asked|is asking|says|said|would like|mentions|reports|needs|seems)\b/i.test(s)) return false;
  if (OBSERVATION.test(s) && !STRONG_CHOICE.test(s)) return false;
  return !/^(?:if|when|once|unless|should|would|could|can|do you|want me|shall)\b/i.test(s);
}

const CHOICE_SUBJECT =
  /^(?:(?:so|ok(?:ay)?|then|now|here|instead),?\s+)?(?:i|we|saya|kami|kita|jeg|vi|let['’]s|ich|wir|best to|better to|going to|plan|use|keep|store|put|make|move|switch|stick|prefer|go|pick|choose|treat|default|round|cap|limit|batch|derive|normali[sz]e|accept|define|name|reassign|resume|parse|compute|bump|drop|replace|a|an|the \w+ will be)\b|^[\p{L} ]{1,30}:\s|\b(?:i['’]ll|we['’]ll|i will|we will|going with|went with|switch(?:ing|ed)? to|chose|decided|settled|opted|(?<![.\w/-])go with|stick with|otherwise|will be|(?:saya|kami|kita) (?:pakai|pilih|gunakan|memilih|menggunakan|memakai)|jag (?:väljer|använder|tar|kör med))\b|(?<![A-Za-zÀ-ÿ])(?:fór í|förum í|valdi|völdum|ákvað|ákváðum|ætla að|ætlum að|nota|notum)(?![A-Za-zÀ-ÿ])|προτιμώ|επιλέγω|διαλέγω|θα (?:χρησιμοποιήσω|κρατήσω)|(?:tôi|mình) (?:chọn|dùng|sẽ dùng)|我们?(?:决定|选择|改用|采用|会用|就用|打算用|用)|咱们|决定|选择|改用|采用|にします|にする|ことにし|採用|選び|選ん/iu;

const STEP_OR_STATUS =
  /\b(?:i['’]ll|i will|we['’]ll|we will)\s+(?:also\s+|now\s+|then\s+|first\s+|need to\s+)?(?!use\b|go\b|keep\b|stick\b|switch\b|store\b|put\b|prefer\b|pick\b|choose\b|default\b|cap\b|limit\b|batch\b|make it\b|stay\b|leave\b)\w+|\bi['’]m \w+ing\b|\bi['’]ve (?:already |now |just )?\w+\b|^let['’]s (?:ensure|make sure|check|see|verify|confirm)\b|\bit['’]s (?:essential|important|crucial)\b|^ich sollte\b|^i (?:found|noticed|see|saw)\b/i;

/** ", so I'm checking…" / ", so I'll list…": a finding that leads to a look or a re-run, no choice. */
const LEADS_TO_A_LOOK =
  /,\s*so (?:i['’]m|i am|i['’]ll|i will|let me|we['’]ll|we will|we['’]re) (?:now |first |just )?(?:checking|looking|listing|verifying|inspecting|rerunning|re-running|reading|searching|confirming|trying|testing|check|list|look|verify|inspect|rerun|re-run|read|search|see|confirm|try|test)\b/i;
/** A step announced ("I'll run…"), which HEDGED counts as no choice unless an alternative and a reason come with it. */
const STEP_AS_HEDGE = /\bi['’]ll (?:mark|note|flag|add|check|look|read|run|quickly)\b/gi;
/** Thinking out loud without choosing: "I might go with…", "I'm considering…", "I could…", "not sure". */
const HEDGED =
  /\b(?:likely|probably|presumably|apparently|seems|seem to be|appears to be)\b|再决定|然后决定|之后再定|\b(?:then|and) decide\b|\bdecide (?:later|afterwards)\b|\b(?:i['’]d|we['’]d|i would|we would) (?:need|have) to\b|^(?:so |but |and )?(?:i|we) can\b|^(?:but |and |so )?(?:that|this|it) would\b|\beither\b|\bweighing\b|\blean(?:s|ing)? (?:toward|towards|to)\b|^the next (?:\w+ )?step\b|\bi['’]ll keep (?:reading|looking|going|checking|working|investigating|digging)\b|^\*\*[^*]{1,40}\*\*\s*[:：]|^(?:the )?(?:concrete |simple |real |best )?(?:move|recommendation|suggestion|advice)\s*[:：]|\b(?:might|could|considering|wondering|not sure|unsure|maybe|perhaps|curious|i plan to|i want to|i want (?:the|it|them|this|that|our|my)|i need to make sure|i'll quickly|i (?:also )?have to|i (?:also )?need to|i should|i think i['’]ve|lass mich|ich werde)\b|\bi['’]ll (?:mark|note|flag|add|check|look|read|run|quickly)\b/i;

/**
 * Sentences that state no choice made now, whatever choice words they hold: a choice told as one made before and now
 * being revisited ("I had originally decided to always require the name…"),
 * or none at all: a mistake owned ("I think I made a mistake by replacing with a span instead of…"), what was realised
 * ("I realized that the correct flag is X, not Y"), an error read ("The error message says…, which usually means…"),
 * a step still to do ("Then I'll need to update the symlink … instead of the old one"), a step added to ("Instead of
 * just finding directories, I'll include…"), a way only considered ("Instead of that, I'll consider using regex").
 */
// (Set AE: what became clear, a pattern or a cause named, the bugs found, "In short: …", what a fix needs, a check that now
// shows something, an emphatic finding "X DOES see them", a pledge ticked off "✅ **I will not …**", a Chinese/Japanese/Korean
// "if …" fallback, a cause labelled "失敗原因:". Set AO: "I'll help you …", a patch announced with the check after it
// ("…, then I'll syntax-check the script"), "Current behavior: …", "So X also get …", a bare "I'd go with option 1.", a check's result "`make check`: everything passes except …". Set AR: an inventory ("Factory images: 8 factory photos …"), a
// suggestion left to the user ("建议：…"), "But wait, …", what a value means ("So the score represents WELLNESS, …"), a batch of
// work announced ("I'm going to patch three things now: …").)
const NO_CHOICE_MADE =
  /\bbecomes clear\b|^the [\w -]{0,30}\b(?:pattern|cause|culprit)\s*:|^(?:the )?main (?:bugs?|issues?|problems?|findings?) (?:identified|found)\b|^in short\b|^(?:the )?fix needs to\b|\bnow shows\b|\b[A-Z][a-z]+ (?:DOES|DID|IS) (?:see|work|have|exist|sync)\b|^[✅✔☑]|^(?:如果|もし|만약)|^(?:失敗原因|原因|根本原因|根因)\s*[:：]|\b(?:had )?(?:originally|initially|at first|previously) (?:decided|chose|planned|wanted|went with)\b|\bi (?:think i |may have |might have )?made a mistake\b|^i (?:just |now )?reali[sz]ed?\b|^the (?:error|error message|message|output|log|stack trace|traceback) (?:says|shows|indicates|means|tells)\b|^(?:(?:then|now|next|so),?\s+)?i['’]ll (?:also )?need to\b|\binstead of (?:just|only|simply|merely)\b|\bi['’]ll (?:consider|think about|look into)\b|^(?:so,?\s+)?the (?:issue|problem|bug|cause|culprit) (?:must be|is that|was that|seems to be|appears to be|might be|could be)\b|\b(?:the )?(?:\w+ )?(?:logs?|output|traces?) (?:confirm|confirms|confirmed|show|shows|showed)\b|^(?:two|three|four|five|a few|several|\d+) (?:things|issues|problems|bugs|items|changes|fixes) (?:to|we need to|i need to) (?:fix|do|address|change|handle|tackle)\b|^(?:after that|afterwards|next|once (?:that|this)(?: is| has been)? done),? (?:i['’]ll|we['’]ll|i will|we will) (?:move|go|turn|proceed|continue|switch|get)\b|\bnow (?:i['’]m|we['’]re) (?!going\b)[\w-]+ing\b|\bas you (?:asked|requested|suggested|said|wanted)\b|^(?:(?:ok(?:ay)?|now|so|alright),?\s+)*i['’]m (?:now )?ready to\b|^the (?:key |main )?changes (?:are|will be|needed)\b|^(?:choosing|picking|using|selecting) the wrong\b|^i['’]ve been (?:\w+ing|operating|acting|working)\b|^(?:we|i) (?:previously |already |first )?tried\b|^(?:i['’]ll|let me) (?:launch|spawn|dispatch|kick off|delegate)\b|\bthis is because\b|^\*\*\d+ (?:passed|failed)\b|^i['’]ll help you\b|^i(?:['’]ve)? already (?:rewrote|rewritten|changed|updated|replaced|moved|converted|migrated|fixed|added|removed|refactored)\b|^use this (?:agent|skill|tool|command|subagent) (?:when|for|to)\b|^i (?:keep (?:making|doing|getting)|was (?:guessing|assuming|wrong)|wasted|should have|made (?:excuses|a mistake)|hardcoded)\b|^test:\s|^(?:the )?idea is clear\b|,\s*then (?:(?:i['’]ll|i will|we['’]ll) )?(?:re-?run|run|syntax-check|check|test|verify|rebuild|build|commit|push)\b|^current(?:ly)? (?:behaviou?r|state|status|flow|logic)\s*:|^(?:so,?\s+)?[\w ]{1,40}\balso (?:get|gets|need|needs|have|has|go|goes|work|works|become|becomes)\b|^i['’]d (?:go with|pick|choose|take) (?:option |approach )?[\w-]{1,3}[.!]?$|^`[^`]{2,80}`\s*:\s*(?:(?:everything|all(?: \w+)?|it|both|the suite)\s+)?(?:pass(?:es|ed)?|green|red|fail(?:s|ed|ing)?|ok)\b|^[a-z][a-z ]{0,29}:\s+\d+\s+[a-z]+|^(?:建议|提议|推荐)\s*[:：]|^(?:suggestion|recommendation|i suggest|i['’]d suggest|i recommend|my recommendation)\s*[:：]|^(?:but |hmm,? )?wait[,!.]|^(?:so,? )?(?:the|this|that|it) (?:\w+ ){0,3}(?:represents|measures|reflects|stands for)\b(?!.*\b(?:i|we)['’](?:ll|d)\b)|^i['’]m going to \w+ (?:\w+ )?(?:two|three|four|five|six|\d+|a few|several) (?:things|changes|fixes|issues|items|places|files)\b|^(?:but |and |so )?looking at\b|^(?:ah|oh)(?: yes| right| ok(?:ay)?| i see)?,|^`[^`]*\b(?:warning|error)\b[^`]*`\s*[—–-]/i;

/** A sentence opened by the word "decision" or "solution" in a language the agent writes in: `Päätös:`, `Ratkaisu:`. */
const DECISION_LABEL =
  /^(?:decision|solution|döntés|otsus|lahendus|lēmums|risinājums|sprendimas|rozhodnutie|rozhodnutí|odluka|rješenje|rešenje|odločitev|rešitev|decisió|solució|ákvörðun|lausn|desisyon|solusyon|結論|结论|方針|рішення|решение|decisión|decisão|décision|entscheidung|decisione|beslissing|beslutning|beslut|päätös|decizie|karar|keputusan|decyzja|απόφαση|quyết định|تصمیم|결정|决定|決定|ratkaisu|korjaus|lösung|solución|solução|soluzione|oplossing|løsning|lösning|rozwiązanie|çözüm|solusi|giải pháp|megoldás|řešení)\s*[:：]\s*\S/iu;

/** What the agent found, not what it chose. */
const OBSERVATION =
  /^also (?:added|updated|changed|removed|fixed|created|moved|renamed|set|wrote)\b|^(?:good news|bad news|(?:one )?(?:honest )?(?:caveat|gap|limitation|open question|known issue)|the root cause\b[^:]{0,40})\s*:|^\*\*[^*]{3,160}\*\*\s*$|\bshould be (?:safe|fine|ok(?:ay)?) to (?:proceed|continue|go ahead)\b|^(?:so,?\s+)?the user (?:will|would|should) (?:now )?(?:see|get|receive|notice)\b|\bi['’]m (?:noting|noting down|writing down)\b|^for the [\w -]{1,30} section\b|\b(?:is|are) (?:usually|typically|generally|often) (?:cheaper|faster|easier|better|simpler|safer|more \w+)\b|^(?:now )?i['’]m thinking (?:through|about)\b|\b(?:it['’]s|it is|that['’]s|this is) clearly\b|^(?:(?:two|three|four|a few|several|the|one|main|another|\d+) )?(?:issues?|problems?|bugs?|causes?|root causes?)\s*[:—–]|^i['’]ve found (?:one|two|a|an|the|some|several)\b|^found it\b|\b(?:clearly |also )?(?:indicates|implies)\b|^i (?:see|notice|noticed|saw)\b|\bactually [\w-]+ed\b|\bwhich is why\b|\bwhich means\b|^i wonder\b|^i (?:also |then |just |successfully )?(?:updated|changed|fixed|added|removed|ran|reran|re-ran|created|modified|replaced|moved|renamed|implemented|set|tested|installed)\b|\bjust (?:made|created|added|ran|finished|completed|built|installed|pushed)\b|^\*\*[^*]{1,40}[:：]\*\*|\bsuggesting (?:that|it)\b|^i(?:['’]ve| have) (?:successfully |now |just |already |also )*(?:updated|changed|replaced|converted|fixed|moved|renamed|added|removed|implemented|refactored|created|modified|revised|rewritten|reworked|restructured|simplified|adjusted|generali[sz]ed|reorgani[sz]ed|rephrased|edited|cleaned up)\b|\bis actually (?:wrong|right|correct|broken|fine|fine)\b|^so (?:the|this|that|it) (?:\S+ ){0,3}(?:is|are|was|were|becomes|stays|ends up|never)\b|^so (?:the|this|that) (?:\S+ ){4,8}(?:is|are|was|were) \w+ing\b|^so the main (?:thing|point|issue|problem)\b|^(?:the|these|those) (?:[\w-]+ ){0,2}(?:issues?|problems?|errors?|bugs?|causes?|failures?) (?:is|are|was|were|arises|arise|occurs|occur|comes|stems|happens|remain)\b|^(?:this|that|which|it) (?:will|would) (?:make|mean|let|allow|give|cause|ensure|result|keep|break|fix|need)\b|^(?:hmm|actually|interesting)\b|\bhappy to note\b|^(?:we|i) couldn['’]t\b|^the \S+ (?:uses|used|calls|returns|reads|writes)\b|\blooks like\b|^(?:we|i)['’]ve (?:asked|done|finished|created|added|made|run|got)\b|^i['’]m (?:encountering|seeing|getting|noticing)\b|^the (?:types?|tests?|build|code|initial ask|request) (?:are|is|was|were) \w+|^so i can\b|\bonly if you confirm\b|^the \S+ (?:module|function|class|file|alias|type|field|variable|command|script) (?:is|was|exists|lives|has|works)\b|^since (?:this|it) (?:appears|seems|looks)\b|^this \w+ \w+ (?:relies|lets|allows|means)\b|\brelies on\b|^so (?:we're|we are|it's|it is|the \S+ (?:is|are|does|really))\b|^(?:this|that|it) (?:lets|allows|relies|means|is|was)\b|^the (?:one )?(?:quirk|catch|thing|reason|alias|module|function|class|file) \S*\s*(?:is|was|exists|lives)\b|^since i can'?t\b|\bshould have been\b|^since \S+ (?:is|was|are)\b|^the \S+ (?:file|setting|config\S*|variable|directory|folder) (?:is|has|was)\b|^(?:the )?user (?:wants|asks|asked|is asking|says|said|would like|mentions|reports|needs)\b|^(?:(?:ok(?:ay)?|so|now|i see|great),?\s+)*(?:the (?:issue|problem|error|bug|cause|culprit|root cause) (?:is|was|here is)|i can see|i see that|it (?:looks|seems) like|looking at|this (?:means|shows|confirms)|there (?:is|are|was|were) (?:a|an|no|the|some)\b)|\b(?:was|were|is|are) (?:set|configured) to\b|\bis what (?:determines|decides|controls|makes|causes)\b|\bthat['’]s why\b|\b(?:doesn['’]t|does not|don['’]t|do not) matter\b/i;
/**
 * Work in progress or done, reported: "I'm tightening those tests now…", "**Aligned `a.md`** so…",
 * "Updated the config to…". A report of an edit is not the choice behind it.
 */
const PROGRESS_OR_REPORT =
  /^(?:[Ii]['’]m|[Ii] am|[Ww]e['’]re|[Ww]e are) (?:now |also |still )?(?!going\b)[\w-]+ing\b|^[*_`\s]*(?!(?:Decided|Opted|Settled|Switched|Picked|Preferred|Chose|Used)\b)[A-Z][a-z]+ed\b(?!\s+(?:to|that)\b)/;
/** Work being done or done, reported ("I'm tightening those tests now…"): neither a choice nor an approach given up. */
export function isProgressReport(sentence: string): boolean {
  return PROGRESS_OR_REPORT.test(sentence.trim());
}
/** A choice remembered from before this session. */
const RECALLED =
  /\b(?:remember the earlier|the earlier change|we had (?:decided|chosen|agreed)|had (?:decided|agreed) (?:on|to)|(?:hatten|haben) wir (?:\w+ )?(?:entschieden|beschlossen)|wir hatten (?:die )?entscheidung|last (?:session|time|night|week)|yesterday|gestern|heute morgen|earlier session|previous session)\b/i;
/** A thing described, as the sentence's first verb: "The X field is…", "This makes sense because…", "It's implementing…". */
const DESCRIBES =
  /^(?!(?:it['’]s|it is) (?:better|best|safer|simpler|cleaner|wiser|easier) to\b|the (?:best|right|simplest|cleanest|safest|easiest) (?:way|approach|option|fix|solution) is\b)(?:(?:(?:so|also|but|and|now|ok(?:ay)?)\b[,:]?\s+)?(?:(?:the|this|that|these|those|its|our|their)\s+)?(?:[\w`'".#/@()-]+\s+){0,5}?(?:is|are|was|were|isn['’]t|aren['’]t|uses|returns|makes|applies|implements|works|happens|means)\b|(?:it['’]s|that['’]s|this is|there['’]s|there are)\b)/i;
/** The user choosing, in their words: "let's go with the src layout", "we'll use Postgres", "option 2". */
const USER_CHOOSES =
  /^(?:(?:ok(?:ay)?|so|then|yes|no|and|also|just),?\s+)*(?:use|keep|stick with|switch to|prefer)\b|\blet['’]?s (?:use|(?<![.\w/-])go with|keep|stick|switch|pick|choose|do|try)\b|\b(?:i|we)(?:['’]ll| will| would| want to)? (?:go with|use|pick|choose|prefer|stick with|keep)\b|\b(?:decided|chose|(?<![.\w/-])go with|going with|option \d|prefer)\b|\bstatt\b|决定|选择|改用|采用|就用|にする|にします/i;
/** Words that say a choice was made, and over what: the strong signs of a decision. */
const CHOSE = withOtherLanguageChoices(
  /\boption \w+\b[^.]{0,60}\b(?:wins|is the one)\b|\b(?:(?<!\b(?:is|are|be|been|being|best|already|was|were|has|have|we['’]ve|you['’]ve) )decided(?!\s+(?:which|what|whether|how|where|when|if)\b)|decide to|(?<=\b(?:i|we|they|you|user|he|she|and|then|finally) )chose|chosen|opted|going with|(?<![.\w/-])go with|went with|instead of(?! ~?\d)|rather than|in favou?r of|settled on|settled|statt|anstatt|anstelle)\b|\b(?:i['’]d|i would|we['’]d|we would) rather\b[^.;]{1,80}?\bthan\b|(?<![A-Za-zÀ-ÿ])(?:fór í|förum í|valdi|völdum|ákvað|ákváðum)(?![A-Za-zÀ-ÿ])|而不是|改用|决定|選んだ|にする/i,
);
/** A proposal put to the user, not adopted: "A cheap fix: …", "One option: …", "Another idea would be…". */
const PROPOSAL =
  /^the (?:cleanest|simplest|best|easiest|safest|quickest|minimal) (?:fix|option|approach|way|solution)\b|^(?:a|one|another|an?\s+alternative)\s+(?:(?:cheap|simple|quick|possible|easy|easier|better|cleaner|safer|small|minimal)\s+)?(?:fix|option|idea|alternative|approach|way|suggestion|improvement|solution)\b/i;
/** How the agent runs its own commands and searches: a tactic of the moment, not a decision about the work. */
const TACTIC =
  // (and how long to deliberate: "Rather than planning this out further, I'll go ahead and write the plan file")
  /\b(?:rather than|instead of) (?:planning|thinking|exploring|investigating|researching|reading|searching|asking|looking|analy[sz]ing|discussing|deliberating|chang(?:e|ing) anything|edit(?:ing)? anything|touch(?:ing)? anything)\b|\bi['’]ll (?:continue to )?wait\b|\bi['’]ll let (?:the |it |them )?[\w -]{0,30}\b(?:run|continue|finish)\b|\bi['’]ll (?:send|relay|pass|forward) (?:that|this|it)\b|\bkeep it (?:focused|short|brief|concise)\b|\b(?:i['’]ll|i will|let me) (?:use|run|try) `?(?:find|grep|rg|ls|cat|sed|awk|head|tail|glob|dir|get-childitem)\b`?|\b(?:handle|do) (?:it|this|that) (?:directly|myself)\b|\binstead of (?:using |spawning |launching )?(?:the |a |an )?(?:task tool|explore agent|sub-?agent|agent)\b|\b(?:chose|decided|opted) to (?:re-?run|retry|re-?check|check|verify|run|test|look)\b|\b(?:separate|single|one|complex|simpler|another|different|multiple|smaller) (?:shell )?(?:commands?|searches|search|queries|greps?|tool calls?)\b|\bto search (?:for|the|through)\b/i;
/** "The X will be picked up from…": a prediction in the passive voice, with no one choosing. */
const PREDICTION = /^(?!i\b|we\b)[^,;:]{0,60}?\bwill be (?!used\b|kept\b|stored\b)\w+(?:ed|en)\b/i;
/** Notes, findings, waiting and checking: narration around the work, never a choice by itself. */
const NARRATION =
  /^(?:quick note|also worth noting|worth noting|note|fyi|this will be a|this way\b)|\bi['’]m (?:waiting|double-checking|still)\b|^i think (?:it would be best|we should) (?:to )?(?:open|read|check|look|refer|review|verify|update)\b|^we should (?:also )?(?:refer|update our plan|check|look|review|verify)\b|\bit turns out\b|^i found\b/i;
const STRONG_CHOICE = withOtherLanguageChoices(
  /\b(?:i['’]d|i would|we['’]d|we would) rather\b[^.;]{1,80}?\bthan\b|(?<![A-Za-zÀ-ÿ])(?:fór í|förum í|valdi|völdum|ákvað|ákváðum)(?![A-Za-zÀ-ÿ])|\boption \w+\b[^.]{0,60}\b(?:wins|is the one)\b|\b(?:(?<!\b(?:is|are|be|been|being|best|already|was|were|has|have|we['’]ve|you['’]ve) )decided(?!\s+(?:which|what|whether|how|where|when|if)\b)|(?<=\b(?:i|we|they|you|user|he|she|and|then|finally) )chose|opted|going with|(?<![.\w/-])go with|settled on|we(?:'ll| will) use|i(?:'ll| will) use)\b/i,
);

/** Words that show an attempt failed or was undone: without one of these, "switch to X" is only a plan. */
const EVIDENCE_OF_UNDOING =
  /不用|不行|放弃|回滚|撤销|不能用|^(?:back|returning|reverting) to\b|\b(?:geht nicht|funktioniert nicht|klappt nicht|verworfen|rückgängig|zurückgesetzt|is out(?! of)|are out(?! of)|not using|no longer|after all|will not|doesn'?t|does not|didn'?t|did not|won'?t|wouldn'?t|can'?t|cannot|not going to|abandon\w*|gave up|give up|giving up|dead end|scrap\w*|ditch\w*|dropp?(?:ed|ing)|revert\w*|roll(?:ed|ing)? back|undo|undid|undoing|backed out|backing out|ruled out|discard\w*|no luck|no good|tried|still fail\w*|failed|broke|too (?:slow|fragile|complex|brittle|risky|expensive|heavy|flaky)|went back|go back|going back|switch(?:ed|ing)? back)\b/i;
/**
 * Who tried and gave up: the agent ("I reverted…", "we dropped…", "Tried X, but…", "That approach failed"),
 * never a remark about what code does ("so the whole match is discarded") or about someone else's change.
 */
const ATTEMPT_ACTOR =
  /\b(?:i|we|i['’]ve|we['’]ve|i['’]d|we['’]d|my|our|let['’]s)\b|^(?:reverted|reverting|dropped|dropping|removed|removing|abandoned|abandoning|scrapped|ditched|switched|switching|tried|trying|gave up|giving up|rolled back|rolling back|backed out|undid|went back|going back|back to|returning to)\b|^(?:scrapping|scrapped|ditching|ruled out|ruling out|not using|undoing|undid|discarding|discarded)\b|,\s*(?:undoing|reverting|dropping|removing|scrapping|abandoning|rolling back|backing out)\b|^\w+ing\b[^.]*\b(?:didn['’]t|doesn['’]t|did not|does not|won['’]t) work\b|\b(?:that|this|the|my|our|the previous|the first|the old|the original) (?:[\w-]+ ){0,2}(?:approach|attempt|idea|fix|way)\b|我们?(?:已经|刚才|之前|先|又)?(?:试|尝试|回滚|撤销|放弃|删|改回|换回|不用)|ich habe|wir haben/i;
/** A recommendation, a guess, an explanation or the agent declining to help: nothing was tried. */
// (Nor test data put back after a check, "Back to the original 11 seeded donations", nor a command that failed told
// to the user, "Tried to run `git add .`, but Git couldn't create .git/index.lock".)
// (Nor an attempt remembered in thinking, "We've previously tried using apply_patch but failed due to mojibake.": the
// log shows what was tried where it happened.)
const NOT_AN_ATTEMPT =
  /^(?:the )?(?:real |actual |root |underlying )?(?:issue|problem|cause) (?:is|was) (?:that|the)\b|^back to (?:the )?(?:original|clean|initial|seeded|pristine|fresh|default)\b|^tried to run\b|\bno longer (?:relevant|needed|necessary|matters?|important)\b|\b(?:instead of|rather than) (?:blindly )?(?:abandoning|giving up|dropping|discarding|reverting|deleting)\b|\b(?:previously|earlier) tried\b|\b(?:i|we)(?:['’]ve| have) previously\b|\bi (?:cannot|can['’]t|won['’]t|will not)(?: and (?:will not|won['’]t|cannot))? (?:help|assist)\b|\bi (?:also )?(?:notice|noticed|see|saw|found)\b|\b(?:recommend|suggest|propose|advise)\w*\b|\b(?:must be|should(?:n['’]t)?|would|could|might|likely|probably|perhaps|maybe|needs? to be|which is why|so the whole)\b/i;
/** "My fix didn't work.", "So the fix I applied didn't solve it.": a setback told, no approach named that was given up. */
const NAMES_NO_APPROACH =
  /^(?:so |but |and )?(?:the problem is that |it (?:seems|looks like) )?(?:this|that|it|the|our|my) (?:current |original |existing |whole |first |last )?(?:approach|idea|plan|way|method|solution|fix|change|patch)?(?: (?:i|we) (?:applied|made|tried|did|added|wrote))?\s*(?:won['’]?t|doesn['’]?t|didn['’]?t|will not|does not|did not|is not going to|isn['’]?t going to) (?:work|help|do|solve|fix)\b[^,;:]{0,20}[.!]?$/i;
export function namesNoApproach(sentence: string): boolean {
  return NAMES_NO_APPROACH.test(sentence.trim());
}

/**
 * A sentence that can say an attempt was given up: the agent tried something (I, we, "that approach"…),
 * not a guess, an offer or a remark about code, not a fragment or a question, not about the user.
 */
export function saysAttemptGivenUp(sentence: string): boolean {
  const s = sentence.trim();
  // "No Redis: the staging hosts have none", "不用 arrow：…", "Kein regex: …": given up, said as a verdict.
  if (/^(?:no|not|kein\w*|不用|不要|放弃)\s*[^\s:：]+[^:：]{0,40}[:：]\s*\S/i.test(s)) return true;
  if (
    /^(?:(?:that|this|it|das|es)\s+)?(?:doesn['’]?t work|does not work|won['’]?t work|geht nicht|funktioniert nicht|klappt nicht|ne marche pas|no funciona)\b[^:：]{0,20}[:：]\s*\S/i.test(
      s,
    )
  )
    return true;
  return (
    ATTEMPT_ACTOR.test(s) &&
    !NOT_AN_ATTEMPT.test(s) &&
    !isNotAStatement(s) &&
    !/\buser\b/i.test(s) &&
    !/\b(?:could|may|might)\b|\bcan\b(?!['’]t|not)/i.test(s) &&
    !/^instead of\b.*(?:let me|:)/i.test(s)
  );
}

/** Advice or a hypothetical: said to the reader, or what would have been; nothing chosen here. */
const ADVICE_OR_COUNTERFACTUAL =
  /\b(?:you['’]d|you would|you could|you might|you can|one would|one could|would have|could have|might have|should have)\b|^so yes\b/i;
/** True for advice to the reader or a counterfactual ("you can keep…", "would have been…"). */
export function isAdvice(sentence: string): boolean {
  return ADVICE_OR_COUNTERFACTUAL.test(sentence);
}
/** The user asking for work: an imperative of making or changing, or "I want you to…", "can you…". */
const USER_REQUEST =
  /^(?:(?:ok(?:ay)?|so|and|also|then|now|please|pls),?\s+)*(?:create|add|write|build|implement|make|generate|fix|update|delete|remove|rename|copy|move|install|set up|setup|refactor|convert|save|compare|check|look|find|test|run|change|modify|edit|put|show|give|help|i want you to|i need you to|can you|could you|would you|will you)\b/i;

/** A plan to undo something later ("I'll revert it if…") is not evidence that it was undone. */
const INTENTION_TO_UNDO = /^(?:(?:now|next|first|then|ok(?:ay)?|so),?\s+)*(?:i'll|i will|let me|let's|we could|we can|maybe|perhaps|should i|should we|if\b)/i;
// A standing rule in the user's words. Requests ("we need to add X", "then make sure Y") are not rules:
// they are in the conversation already; a rule is what must stay true while doing them.
const CONSTRAINT = new RegExp(
  [
    String.raw`\b(?:always|must|mustn'?t|must not|do not|don'?t|avoid|only use|only ever|no more than|at most|stay within|stick to|stick with|shouldn'?t|should not|should always|should never|(?:(?:are|is|be|you['’]re|it['’]s) not|not) allowed(?= to\b| in\b| here\b|[.!,;]|\s*$)|(?<!\b\d{3} )forbidden|off-limits|under no circumstances)\b`,
    // (…also after "so"/"then": "…, so never kill processes you didn't start, ok?"; never "never mind".)
    String.raw`(?:^|[,;:]\s*|\b(?:you|we|please|and|but|so|then|also)\s+)never\b(?! mind\b)`,
    String.raw`\bkeep\b(?![-‑]).+\b(?:unchanged|as is|stable|intact|under|below|within|the same|working|green|passing|compatib\w*|backwards?)\b|^(?:(?:oh|and|also|but|plus|btw|ps)[,:]?\s+)*(?:please\s+)?keep\b(?![-‑])|\b(?:please|pls)\s+(?:keep|use|stick|stay|avoid|only|always|never|don'?t|do not)\b`,
    // German, Chinese and Japanese rules: "Bitte keine unsafe-Blöcke", "不要修改数据库结构", "テストは削除しないで".
    // (In Japanese 不要 means "not needed": "不要なら削除して" is a one-off request. In Chinese a rule's 不要 is followed by
    // an act on the work, "不要修改", "不要提交", "不要用"; before a thing or a behaviour of the feature, "不要导航栏和页脚",
    // "点击卡片时，不要跳转", "不要太技术", it specifies what one request should make: on sets AK–AO all such were one-off.)
    String.raw`(?:し|使わ|変え|変更し|削除し|消さ|触ら|書か|入れ|追加し|コミットし)ないで(?:ください|下さい|ね|よ|[。！!]|$)|[ぁ-ん]ないで(?:ください|下さい)|絶対に|必ず|常に|禁止|^(?:bitte\s+)?(?:keine?[nrms]?|niemals|nie|immer)\s|\bbitte\s+(?:keine?[nrms]?|nie|immer|nur)\b|\bbitte\b.*\bauf (?:Deutsch|Englisch)\b|(?<![\u3040-\u30ff][^\u3040-\u30ff]*)(?<!要)不要(?![^\u3040-\u30ff]{0,3}[\u3040-\u30ff])(?:再|总是|老是|随便|随意|轻易|擅自|自己)?(?:修改|改|删除|删|動|动|碰|使用|用|提交|推送|打印|泄露|泄漏|浪费|只靠|依赖|依賴|引入|引|拉|添加|加|安装|安裝|装|裝|下载|升级|升級|替换|換|换|重命名|新增|重构|覆盖|破坏|写死|硬编码|输出|暴露|跳过|忽略|上传|直接|被|猜|编造|commit|push|git|mock)|别再|不能(?:用|使用|改|修改|删|删除|动|提交|推送|碰)|不得|禁止|必须|一定要|只能|只用|始终|总是|永远|保持|放在`,
    String.raw`^(?:please\s+)?(?:always\s+)?(?:make sure|ensure)\b.*\b(?:before|after|every|each|whenever|always|never)\b`,
    String.raw`\buse\b.+\b(?:not|instead of|rather than)\b`,
    String.raw`\bprefer\b(?!\s+to\b).+\b(?:over|to|instead of|rather than)\b`,
    String.raw`^(?:(?:and|also|but|oh and|plus),?\s+)?(?:please\s+)?(?:only (?:use|touch|edit|change|modify|run|add|commit|work|ever)|leave|stop|stay|remember|target|limit)\b(?!\s+(?:\S+\s+)?(?:is|are|was|were|has|have|had)\b)`,
    // "no CSS frameworks", "No auth for now", "no third-party jars, ever", "no new deps": a thing ruled out, short or
    // with its scope. (Not a report, "No signals showing, even after…", nor another language's "no cancella…".)
    String.raw`^(?:(?:and|also|but|oh and|plus),?\s+)?(?:please\s+)?no(?:\s+(?:more|new|extra|external|other|third-party)\b|\s+[\w-]+(?:\s+[\w-]+){0,2}(?:,?\s+(?:for now|please|anymore|yet|at all|either way|ever))?\s*[.!]?$|\s+[\w-]+(?:\s+[\w-]+)?,?\s+(?:for now|please|anymore|yet|either way)\b)`,
    String.raw`^(?:please\s+)?(?:write|keep|make|use|do|build|target|put|store|log|name|format|return|address|phrase)\b[^.]{0,60}\w, not (?:for )?(?:an? |the )?\w+`, // "write it for ops people, not developers"
    String.raw`\bleave\b.+\b(?:alone|as is|untouched)\b`,
    String.raw`\b(?:under|below|within|less than|at most|max(?:imum)?|budget of)\s+(?:~|\$|€)?\d`, // "keep it under 100 lines"; "under handlers/, write…" is a place
    // "I want all timestamps in UTC" sets a rule; "I want a list with buttons" asks for a feature.
    // …and "we need even one signup first" is a condition of the moment, not a rule.
    // "I want to clear the cache" is a request; "we want to reuse postgres", "I need it to stay fast" set rules.
    // (Only with a scope that outlasts the request, "all", "no", "only"…: on held-out logs "I want the left bar to
    // collapse", "I want not green blue", "I want to use this same logic, but…" were one-off asks, sets H–X.)
    String.raw`\b(?:i['’]d|i would|we['’]d|we would) rather (?:you|we)\b`,
    // ("I want to use X" alone is what one request needs, sets Y and Z; "we want to reuse postgres" and "Instead, I
    // want to use X" set the way.)
    String.raw`\b(?:I|we) (?:want|need|require|expect) (?:to reuse\b|to (?:keep|preserve|stay|avoid|stick|only|always|never)\b|(?:all|every|everything|no|nothing|only)\b|you (?:working|using)\b)|^instead,? (?:i|we) (?:want|need) to use\b`,
    String.raw`^(?:(?:and|also|but|so),?\s+)?(?:we|you|it|they|everything|all \w+|(?:the |all )?tests?)\s+(?:always\s+)?(?:has|have) to\b`,
    // Something that must go on holding: "render() has to keep its signature", "one commit per optimisation",
    // "tiene que seguir funcionando con bash 4.2", "doit rester compatible", "標準ライブラリだけでお願いします".
    String.raw`\b(?:has|have) to (?:keep|stay|remain|work with|run on|be compatible|stay compatible)\b|^(?:(?:and|also|but|plus|please)(?: make)?,?\s+)*one \w+ per \w+|\btiene(?:n)? que (?:seguir|ser|funcionar|quedar|mantener|estar)\b|\btem que (?:continuar|ser|funcionar|manter)\b|\bdoi(?:t|vent) (?:rester|continuer|fonctionner|garder)\b|だけで(?:お願い|やって|書いて|実装)|のみで(?:お願い|実装)|(?:日本語|英語|中文|中国語)で(?:お願い|書いて)`,
    // "POSIX sh only, no bashisms", "stdlib only", "run make check before you say it is done", Portuguese
    // "só biblioteca padrão", "nada de instalar pacote", "não mexe no relatório".
    String.raw`^(?!(?:the|a|an|this|that|it|for|in|on)\b)(?:(?!(?:is|are|was|were)\s)[\w+#./-]+\s){0,3}[\w+#./-]+ only\b(?=(?:\s+(?:btw|pls|please|thx|thanks))?\s*(?:[,.;:!]|$))|^(?:(?:and|also|please|always)\s+)*run \S+(?: \S+){0,2} (?:before|after) (?:you|each|every|any|committing|pushing|saying)\b|\bsó (?:biblioteca|bibliotecas|usar|use|python|sqlite)\b|\bnada de (?:instalar|usar|mexer|adicionar|pacote|biblioteca)\b|\bnão (?:mexe|mexa|usa|use|instala|instale|altera|altere|apaga|apague|toca|toque|muda|mude)\b`,
    // A rule tacked onto a request: "fix it, no new deps", "add the export — no external libraries".
    String.raw`[,;—–]\s*no (?:new|extra|external|third[- ]party|other) \w+`,
    // Russian and Polish rules: "файлы в expected/ не трогай", "только sqlite3 и awk, никакого Python", "nie zmieniaj
    // nazw eksportów", "żadnych zależności z npm", "każda zmiana w API ma trafić do CHANGELOG.md".
    String.raw`(?<!\p{L})(?:не (?:трогай|трогайте|меняй|меняйте|изменяй|изменяйте|используй|используйте|удаляй|удаляйте|коммить|коммитьте|пушь|ставь|устанавливай|добавляй|переименовывай)|никак(?:ого|ой|их|ие)|всегда|никогда|только \S+ (?:и|или) \S+)(?!\p{L})|(?<!\p{L})(?:nie (?:zmieniaj|ruszaj|używaj|usuwaj|dodawaj|instaluj|commituj|pushuj|dotykaj|zmieniajcie)|żadnych|żadnego|żadnej|zawsze|nigdy|każd[aey] \p{L}+(?: \p{L}+){0,3} ma)(?!\p{L})`,
    // Korean and Dutch rules: "gawk 쓰지 마세요", "data/raw 파일은 절대 수정하지 마세요", "항상 …", "verander de
    // publieke API niet", "alleen de standaardbibliotheek, geen pip install", "voortaan geen echte sleeps".
    String.raw`(?:쓰|사용하|수정하|바꾸|건드리|지우|삭제하|커밋하|푸시하|설치하|추가하|변경하|만들)지\s?마(?:세요|십시오|요|라)?|절대|항상|반드시|\b(?:voortaan|vanaf nu|nooit|altijd)\b|\balleen (?:de |het )?(?:standaard\p{L}*|stdlib)\b|\bgeen (?:pip install|npm install|nieuwe (?:dependencies|afhankelijkheden|pakketten|libraries|bibliotheken)|externe \p{L}+)\b|\b(?:verander|wijzig|raak|gebruik|installeer|verwijder)\b[^.]{0,60}\bniet\b`,
    // Turkish, Hinglish and Indonesian rules: "dış kütüphane ekleme, sadece libc", "bir şey silmeden önce bana sor",
    // "koi pip package nahi, sirf stdlib", "naam log mein nahi jaana chahiye", "jangan tambah dependensi".
    // (Turkish "-me/-ma" is also a noun's ending: only verbs said as a rule, after a comma or at the end.)
    String.raw`(?<!\p{L})(?:\p{L}+ (?:ekleme|silme|dokunma|değiştirme|kullanma|yükleme|kurma|gönderme|bozma)(?=[,.;!]|\s*$)|(?:ekle|sil|dokun|değiştir|kullan|yükle|kur|gönder|boz|commitle|pushla)(?:meyin|mayın|meyiniz|mayınız)|sadece \p{L}+(?=[,.;!]|\s*$)|asla|önce bana sor|bana sormadan)(?!\p{L})|(?<!\p{L})(?:sirf|kabhi (?:bhi )?(?:mat|nahi|nahin)|mat \p{L}+(?:o|na)|koi \S+(?: \S+)? (?:nahi|nahin)|nahin? \p{L}+ chahiye|jangan|tidak boleh|hanya (?:pakai|gunakan|boleh)|(?:^|tolong )selalu)(?!\p{L})`,
    // Arabic, Thai and Ukrainian rules: "ممنوع إضافة أي package", "لا تعدّل أي ملف في test/fixtures", "ห้ามใช้ double กับเงิน",
    // "อย่าแก้ไฟล์ใน samples/", "тільки stdlib, ніякого pip", "legacy.sql не чіпай".
    String.raw`ممنوع|(?<!\p{L})لا ت\p{L}+|دائما|دائمًا|أبدا|ห้าม|อย่า|เท่านั้น|เสมอ|(?<!\p{L})(?:тільки|ніколи|завжди|ніякого|ніяких|жодних|не (?:чіпай|чіпайте|змінюй|змінюйте|видаляй|видаляйте|використовуй|додавай|комить|пуш\p{L}*|\p{L}*test\p{L}*))(?!\p{L})`,
    // Czech rules: "žádné závislosti z npm", "necommituj nic", "nikdy…", "vždy…".
    String.raw`(?<!\p{L})(?:žádné|žádný|žádná|žádnou|nikdy|vždy|ne(?:commituj|pushuj|používej|měň|maž|mazej|sahej|instaluj|přidávej|upravuj)\p{L}*)(?!\p{L})`,
    // Persian, Romanian and Danish rules: "تست‌های مریم را تغییر نده", "فقط کتابخانه‌ی استاندارد", "fără crate-uri externe",
    // "nu schimba formatul ieșirii", "rør ikke data/shop.sql".
    String.raw`(?<!\p{L})(?:\p{L}+ نده|نباید|هرگز|همیشه|فقط|fără|nu (?:schimba|modifica|folosi|atinge|șterge|sterge|adăuga|adauga|instala|face commit|comite)|niciodată|întotdeauna|doar|rør ikke|(?:ændr|slet|brug|installer|commit)\p{L}* ikke|ikke (?:røre|ændre|slette|bruge)|skal altid|altid (?:brug|skriv|kør|hold|læg|sæt))(?!\p{L})`,
    // A rule said to hold from here on ("from now on run sh test.sh before every commit"), terse dependency bans ("no
    // deps, plain javac"); Lithuanian "data/ neliesk", "tik standartinė biblioteka, jokio pandas", "stulpelių tvarkos
    // nekeisk"; Persian "one commit per change" ("هر تغییر را در یک commit جدا بگذار").
    String.raw`\b(?:from now on|going forward|from here on|henceforth)\b|(?:^(?:(?:and|also|btw),?\s+)?|:\s+)no (?:deps|dependencies|new deps|new dependencies|libraries|libs|frameworks|external (?:deps|libs|packages))\b|(?<!\p{L})(?:neliesk|nelieskite|nekeisk|nekeiskite|netrink|nenaudok|niekada|visada|tik (?:standartin\p{L}*|\p{L}+,)|joki(?:o|ų|a) )(?!\p{L})|هر [^.]{1,40}جدا`,
    // Slovak and Latvian rules: "kód musí ostať kompatibilný s Pythonom 3.9", "schému tabuľky jobs prosím nemeňte", "tikai jq
    // un POSIX sh, bez python", "data/ mapē neko nemaini".
    String.raw`(?<!\p{L})(?:musí (?:ostať|zostať|byť)|nemeňte|nemeň|nemažte|nepoužívajte|nikdy|vždy|iba (?:standardn\p{L}*|\p{L}+,)|nemaini|nemainiet|neaiztiec|neizmanto|nekad|vienmēr|tikai [\p{L}\d]+(?= un |,))(?!\p{L})`,
    // Serbian, Bulgarian and Afrikaans rules: "nemoj da menjaš potpise", "komentari neka budu na engleskom", "не пипай
    // Cargo.lock", "само std, без външни crate-ове", "net die JDK, geen Maven nie", "dit moet op Java 11 bly loop".
    String.raw`(?<!\p{L})(?:nemoj(?:te)?|ne (?:menjaj|menjajte)|uvek|neka (?:budu|bude|ostane|ostanu)|не (?:пипай|пипайте|променяй|променяйте|използвай|използвайте|трий|изтривай|добавяй|комитвай|пушвай)|винаги|никога|само [\p{L}\w-]+,|без (?:външни|нови|допълнителни)|moenie|altyd|geen\s.+\snie|moet\s.+\sbly)(?!\p{L})`,
    // Swahili, Hindi and casual Japanese rules: "usibadilishe faili za data", "usitumie float, Decimal tu", "हेडर फ़ाइलों के
    // नाम मत बदलो", "कोई बाहरी library मत जोड़ना", "package.json の依存は増やさないで", "Node 20 でも動くようにしといてね".
    String.raw`(?<!\p{L})(?:usi[a-z]{2,}e|kamwe|daima|siku zote)(?!\p{L})|(?<![\u0900-\u097F])(?:मत|कभी नहीं|कभी भी नहीं|हमेशा|सिर्फ़|सिर्फ|केवल)(?![\u0900-\u097F])|[ぁ-ん]ないで(?:ね|よ|[。！!〜~]|\s*$)|(?:動く|動作する|通る|使える|互換を保つ)ように(?:して|しといて|しておいて)(?:ね|ください|[。！!〜~]|\s*$)|(?:英語|日本語)で(?:書いて|お願い|ね|[。！!]|\s*$)`,
    // Kazakh rules: "тесттердегі күтілген мәндерді өзгертпе", "мәтіннің бәрі қазақша болсын"; German after a comma: "…, keine
    // npm Pakete".
    String.raw`(?<!\p{L})(?:өзгертпе|өзгертпеңіз|тиме|тимеңіз|қоспа|қоспаңыз|жойма|жоймаңыз|қолданба|қолданбаңыз|болсын|әрқашан|ешқашан)(?!\p{L})|[,;]\s*keine?[nrms]?\s+\p{L}|\bkeine?[nrms]? (?:npm|pip|neuen?|externen?|zusätzlichen?|weiteren?)\s+\p{L}`,
    // Georgian, Tamil-in-Latin-letters and Urdu rules: "words.h-ში public struct-ებს არასდროს შეცვლი", "გარე ბიბლიოთეკები არ
    // დაამატო" (not "ჯერ არ დააკომიტო", "don't commit yet"), "eppovume force push pannadha", "dependencies edhuvum add
    // pannadha", "migrations والی فائلوں کو کبھی ہاتھ مت لگانا", "ہمیشہ …".
    String.raw`(?<![\u10D0-\u10FF])(?:არასდროს|არასოდეს|ნურასდროს|ყოველთვის|(?<!ჯერ )არ [\u10D0-\u10FF]+ო|ნუ [\u10D0-\u10FF]+)(?![\u10D0-\u10FF])|\b(?:eppovume?|eppavume?|epovume?|\p{L}+ (?:pannadha|pannadhe|pannaadha|pannaadhe|pannatheenga|pannadheenga|pannaatheenga|seiyadha|seiyaadhe))\b|(?<!\p{L})(?:ہمیشہ|کبھی(?! کبھی)[^.۔،؟?]{0,60}(?<!\p{L})(?:مت|نہ)(?!\p{L}))`,
    // Slovenian and Amharic rules: "nobenega unwrap() izven testov", "ne spreminjaj testov", "expected/ ውስጥ ያሉትን ፋይሎች በፍጹም
    // አትቀይር" (never change), "ድምሩ ሁልጊዜ ሁለት አስርዮሽ ቦታ ይኑረው" (always two decimals).
    String.raw`(?<!\p{L})(?:nobenega|nobene|nobenih|nikoli|vedno|ne (?:spreminjaj|spreminjajte|uporabljaj|uporabljajte|dodajaj|dodajajte|briši|brišite|dotikaj|dotikajte|commitaj|pushaj)|samo (?:standardn\p{L}*|\p{L}+,))(?!\p{L})|(?<![\u1200-\u137F])(?:በፍጹም|ፈጽሞ|ሁልጊዜ|ሁሌም|አት[\u1200-\u137F]{2,}(?=\s*(?:[—–,።፣]|$)))(?![\u1200-\u137F])`,
    // Mongolian and Nepali rules: "tests/ доторх хүлээгдэх утгыг битгий өөрчил", "tcllib битгий ашигла", "-Werror चाहिँ
    // नहटाउनुहोला" (please don't remove it), "हरेक लाइनको format उस्तै राख्नुहोस्" (keep it the same), "कहिल्यै", "सधैं".
    String.raw`(?<![\p{L}])(?:битгий|хэзээ ч|үргэлж|зөвхөн)(?![\p{L}])|(?<![\u0900-\u097F])(?:न[\u0900-\u097F]+(?:नुहोला|नुहोस्)|कहिल्यै|सधैं|सधैँ|उस्तै राख\S*|जस्ताको तस्तै)(?![\u0900-\u097F])`,
    // Welsh, Macedonian and Punjabi rules: "paid â chyffwrdd â'r Makefile" (don't touch), "dim commits, …", "byth", "bob amser";
    // "не ги менувај 001 и 002" (don't change them), "само sh и sqlite3, без python"; "ਕੋਈ ਬਾਹਰੀ package ਨਹੀਂ ਪਾਉਣਾ" (no package
    // is to be added), "Python 3.8 ਤੇ ਵੀ ਚੱਲਣਾ ਚਾਹੀਦਾ" (it must run on 3.8 too), "ਕਦੇ ਨਹੀਂ", "ਹਮੇਸ਼ਾ".
    String.raw`(?<!\p{L})(?:paid (?:â|ag|a)|peidiwch(?: (?:â|ag))?|byth|bob amser|dim ond|dim (?:commit\p{L}*|push\p{L}*|pecyn\p{L}*|llyfrgell\p{L}*|dibyniaeth\p{L}*)|не (?:ги |го |ја )?(?:менувај|менувајте|бриши|бришете|допирај|допирајте|користи|користете|додавај|додавајте|комитирај|пушај)|немој(?:те)?|никогаш|секогаш|само \S+ (?:и|или) \S+)(?!\p{L})|(?<![\u0A00-\u0A7F])(?:ਨਹੀਂ [\u0A00-\u0A7F]+ਣਾ|[\u0A00-\u0A7F]+ਣਾ ਚਾਹੀਦ[ਾੀੇ]|ਕਦੇ (?:ਵੀ )?ਨਹੀਂ|(?<!ਕਿਉਂਕਿ[^,।]{0,80})ਹਮੇਸ਼ਾ|ਸਿਰਫ਼|ਸਿਰਫ|ਨਾ [\u0A00-\u0A7F]+ੋ)(?![\u0A00-\u0A7F])`,
    // Sinhala and Cantonese rules: "-fsanitize=address අයින් කරන්න එපා" (don't remove), "C11 විතරයි" (C11 only), "කවදාවත්"
    // (never); "唔好改 tests 入面嘅 expected 值" (don't change), "記住計錢唔好用 float" (remember: no floats for money), "千祈唔好…".
    String.raw`(?<![\u0D80-\u0DFF])(?:එපා|විතරයි|කවදාවත්|හැමවිටම|හැම විටම|හැමදාම|නිතරම)(?![\u0D80-\u0DFF])|唔好(?:改|用|掂|郁|刪|删|加|裝|装|動|动|換|换|搞|寫|写|推|commit|push|touch|\s*[A-Za-z])|千祈|唔准|一定要|^\s*(?:記住|记住)`,
    // Azerbaijani and Belarusian rules: "cpan modulu yox, yalnız core" (no CPAN modules, only core), "signatures olmaz" (not
    // allowed), "heç vaxt", "həmişə"; "толькі javac, ніякіх maven/gradle", "TestMain не чапаць без майго слова" (don't touch).
    String.raw`(?<!\p{L})(?:yalnız|olmaz|heç vaxt|həmişə|toxunma|dəyişmə|istifadə etmə|silmə|əlavə etmə|\p{L}+ yox(?=\s*[,;]))(?!\p{L})|(?<!\p{L})(?:толькі|ніякіх|ніякага|ніякай|ніколі|заўсёды|не (?:чапаць|чапай|мяняць|мяняй|змяняць|змяняй|выкарыстоўваць|выкарыстоўвай|дадаваць|дадавай|выдаляць|выдаляй))(?!\p{L})`,
    // Croatian and Catalan rules: "samo standardna biblioteka, bez paketa s pipom", "pravu troskovi.db ne diraj", "no
    // toquis l'API de src/ini.h", "d'ara endavant compila-ho tot amb -Werror".
    String.raw`(?<!\p{L})(?:samo (?:standardn\p{L}*|\p{L}+,)|ne (?:diraj|dirajte|mijenjaj|mijenjajte|briši|koristi|dodaj\p{L}*)|nikad(?:a)?|uvijek|bez (?:paketa|biblioteka|vanjskih|novih)|no (?:toquis|toqueu|canviïs|modifiquis|esborris|facis servir|afegeixis)|d['’]ara endavant|sempre|només)(?!\p{L})`,
    // Norwegian and Hungarian rules: "datafilene redigerer vi aldri for hånd", "ikke rør datafilen", "skal skrives med
    // desimalkomma", "så ingen gawk-spesialiteter"; "csak JDK, semmi külső lib", "a minta/-hoz ne nyúlj", "soha ne…".
    String.raw`(?<!\p{L})(?:aldri|alltid|ikke (?:rør|endre|slett|bruk|legg til|installer)|rør ikke|skal (?:alltid |aldri )?(?:kjøre|skrives|være|brukes|ligge|bruke)|så ingen|ingen (?:nye|eksterne|flere)|ne (?:nyúlj|használj|módosítsd|töröld|változtasd|írd|commitolj|telepíts)\p{L}*|soha|mindig|csak [\p{L}\d]+(?:,|\s+(?:és|meg)\b)|semmi (?:külső|új|más)|tilos)(?!\p{L})`,
    // Hebrew and Finnish rules: "אל תיגע בשום דבר בתוך logs/", "רק מודולים שמגיעים עם perl עצמו, בלי CPAN",
    // "älä muokkaa tests-kansion valmiita tiedostoja", "pelkkä libc, ei ulkoisia kirjastoja".
    String.raw`(?<!\p{L})(?:אל ת\p{L}+|אסור|תמיד|אף פעם|רק \p{L}+[^,.]*,\s*בלי|älä|älkää|aina|ei koskaan|pelkkä|pelkästään|vain \p{L}+[^,.]*,\s*ei)(?!\p{L})`,
    // Swedish, Vietnamese and Greek rules: "bara sqlite3 och coreutils", "testa aldrig rotate mot riktiga backups/",
    // "đừng cài thêm package nào", "commit message viết bằng tiếng Anh", "μην αλλάξεις τη μορφή του CSV".
    // (`, bara …` stands outside the letter guard: a comma follows a word's last letter.)
    String.raw`(?:^|,\s*)bara \p{L}+(?!\p{L})|(?<!\p{L})(?:aldrig|alltid|(?:rör|ändra|ta bort|installera|använd) (?:inte|aldrig)|använd (?:bara|alltid)|đừng|không được|luôn luôn|chỉ (?:dùng|được dùng)|bằng tiếng (?:Anh|Việt)|μην \p{L}+|ποτέ|πάντα \p{L}+|τίποτα από|μόνο ό,τι)(?!\p{L})`,
    // Estonian, Tagalog and Spanish rules: "ära muuda andmebaasi skeemi", "andmed kausta ära puutu", "wag mong galawin yung
    // notes folder", "walang bagong dependencies", "nada de extensiones de GNU".
    String.raw`(?<!\p{L})(?:ära (?:muuda|puutu|kustuta|kasuta|lisa|commiti|paigalda|installi)\p{L}*|ärge \p{L}+|alati|mitte kunagi|(?:huwag|wag) (?:mong |nyong |na )?\p{L}+|walang (?:\p{L}+ na )?(?:bagong |ibang )?(?:dependenc\p{L}*|deps|libraries|library|package\p{L}*)|bawal|hindi pwede|palagi|laging|nada de \p{L}+)(?!\p{L})`,
    // Icelandic rules: "engin cpan moduleis, bara core", "svo engar signatures", "ekki snerta gögnin", "aldrei …".
    String.raw`(?<!\p{L})(?:engin|engar|ekkert(?! mál\b)|enga|engan|engir|aldrei|alltaf|ekki (?:breyta|snerta|nota|eyða|setja|bæta|commit\p{L}*)|(?:breyttu|snertu|notaðu|eyddu) ekki)(?!\p{L})`,
    // Rules under their own lead-in ("a couple of ground rules: keep it ESM-only…"), and a thing ruled out for the
    // place ("no TypeScript in here, not even .d.ts files").
    String.raw`\b(?:ground|house) rules?\s*[:：]\s*\S|\b(?:rules|constraints)\s*[:：]\s*(?:keep|no|never|always|don['’]?t|only|use)\b|^(?:(?:and|also|but|plus),?\s+)?no\s+[\w.-]+(?:\s+[\w.-]+){0,2},?\s+(?:in here|here|in this (?:repo|project|codebase|package|crate|module)|not even)\b`,
    // Italian rules: "non cambiare le firme dei metodi pubblici", "niente librerie esterne", "usa sempre…",
    // "non toccare mai…", "solo il JDK 17" (a negated infinitive is Italian's imperative).
    String.raw`\bnon (?:cambiare|toccare|modificare|usare|aggiungere|installare|cancellare|eliminare|rimuovere|committare|pushare|rinominare|spostare)\b|\bniente (?:librerie|dipendenze|pacchetti|moduli|framework)\b|\bsenza (?:librerie|dipendenze) (?:esterne|nuove)\b|\b(?:usa|tieni|lascia|scrivi|lancia) sempre\b|\bmai (?:toccare|cambiare|usare|modificare|committare)\b|\b(?:devono|deve) (?:restare|rimanere|sempre)\b`,
    // French, Spanish and Portuguese rules: "pas de dépendance externe", "les montants restent en centimes",
    // "les dates s'écrivent toujours au format…", "ne touche jamais à exports/", "no uses librerías", "nunca…".
    String.raw`\b(?:pas de|sans|aucune?) (?:nouvelles? )?(?:dépendances?|biblioth[eè]ques?|librairies?|paquets?|modules?) ?(?:externes?|tierces?)?\b|\b(?:restent|reste) (?:en|dans|sous|inchangée?s?|tel(?:le)?s? quel(?:le)?s?)\b|\b(?:doi[st]|doivent|faut|s['’]\p{L}+ent|\p{L}+ez) toujours\b|\btoujours (?:utiliser|garder|écrire|mettre|passer|lancer|tester)\b|\b(?:ne|n['’])\s?(?:touche|modifie|supprime|utilise|ajoute|commite|pousse|change|efface|installe)\p{L}*\s+(?:jamais|pas|rien)\b|\b(?:no|ni) (?:(?:le|lo|la|les|los|las) )?(?:uses|toques|muevas|modifiques|borres|agregues|añadas|cambies|instales|metas)\b|(?:^|,\s*|\bpero\s+)sin (?!embargo\b|que\b)[\w-]+(?:\s+[\w-]+)?\s*[.!]?$|\bsiempre (?:usa|mantén|escribe|deja)\b|\bnão (?:use|mexa|altere|apague|instale)\b|\bnão (?:pode|podem|deve|devem) (?:usar|mexer|alterar|apagar|instalar|mudar|tocar|adicionar)\b|\bnenhuma? (?:biblioteca|dependência|lib|pacote)\b|\b(?:nicht|nie|niemals) (?:anfassen|anrühren|ändern|verändern|löschen|committen|pushen|anfasst|änderst)\b|\bfinger weg\b`,
  ].join('|'),
  'iu',
);
/** A one-off request or a story, even with a rule word in it: "Then let's make sure…", "I never saw…". */
const NOT_A_RULE =
  // A question without its mark ("…whats your ideas", "Am I right", "…, do i need to use any…"), a bug report
  // ("No signals showing"), what the agent did wrong or what the user found ("You clearly did not…", "I reviewed
  // the files and found…"), an HTTP status ("405 Method Not Allowed"), a Spanish "no sé…" (sets H–X).
  /^remember\s*:\s*you are\b|\bi['’]ve always (?:believed|thought|felt|known)\b|\b(?:we|i) (?:don['’]?t|do not) (?:currently |yet )?have\b|\b(?:just|only) (?:answer|explain|reply|tell me)\b|\bdon['’]?t do anything\b|\bdo not do (?:it|this|that|anything) yourself\b|\byou (?:do not|don['’]?t) need to\b|\b(?:do not|don['’]?t)(?: really)? understand\b|什么都不要做|什麼都不要做|只回答|^this (?:means|shows)\b|\bthere (?:is|['’]s|was) (?:a|an) (?:bug|issue|problem)\b|\bkeep (?:a?head|on) with\b|\bkeep with (?:my|the|your) (?:previous|last|earlier)\b|^it (?:seems|looks) like\b|^i (?:don['’]?t|do not) need (?:this|that|so) much\b|\b(?:don['’]?t|doesn['’]?t|didn['’]?t|won['’]?t) (?:work|show up|appear|load|render|update|display|respond|save|sync)(?:\s+(?:anymore|at all|properly|correctly|either|for me))?\s*[.!]?$|\bnever ?mind\b|^(?:(?:and|also|so),?\s+)?(?:tell|explain to|show) me why\b|\b(?:don['’]?t|doesn['’]?t) actually\b|\b(?:whats|what['’]s|what is) your (?:idea|ideas|thoughts|opinion|take)\b|\bam i right\b|(?:^|[,;]\s*)(?:do|should|can|could) (?:i|we) (?:need|have to|use)\b|^no \S+(?: \S+)? (?:showing|shown|displayed|visible|working|loading|appearing|at all)\b|(?:^|[,;]\s*|\b(?:but|and|so|because)\s+)you (?:clearly |obviously |still |just )?(?:did not|didn['’]t)\b|^i (?:reviewed|checked|looked|noticed|tested)\b|\bmethod not allowed\b|^no (?:se|sé|puedo|tengo|funciona|entiendo|encuentro|aparece|carga|sirve)\b|\bkeep in mind\b|\bkeep (?:going|it up|me posted|me updated|up the good work|at it|trying|working|on going|digging)\b|^(?:i|we) (?:want|prefer|choose|pick|like|take|go with) (?:option|choice|number|answer|#)\s*\w+\W*$|\bnot always\b|^(?:always|never)\s+\w*[^s\W]s\b|^(?!(?:please|pls|and|but|also|so|then|you|we|just|i)\b)[\w\s/.'-]{3,80}?\b(?:do|does|did) not (?:appear|show|work|load|exist|render|update|display|seem|get|match|refresh|save|sync)\b|^(?:the reason|because|since|keep in mind|there must be)\b|^no+,?\s+but\b|\bi (?:still |just |really )?(?:don['’]?t|do not|didn['’]?t) (?:really |quite |fully )?(?:understand|get|see|know|think|remember|recall)\b|\bnot what i (?:meant|asked|wanted)\b|^(?:my|our) (?:goal|plan|idea|intention) (?:was|is)\b|^(?:i was trying|i wanted to)\b|^no (?:response|responses|logs?|console|errors?|changes?|difference|effect|sound|audio|video|content|reaction|feedback|warnings?)\b|\b(?:is|are|was|were|showing|shows|returns|returning|gives|giving|stays|remains)\b[^.!]{0,40}\balways (?:the same|empty|null|zero|0|false|true|blank)\b|^no (?:one|other|risk|matter|doubt)\b|\bdon['’]?t (?:miss anything|make (?:any )?mistakes)\b|^no such \w+\b|^(?:then |so |and )?when i\b|用户(?:要求|希望|需要|喜欢|偏好|习惯|倾向)|^no+\s+no+\b|^no+,?\s+(?:i|i'm|i meant|in|it|it's|that|that's|this|the|you|we|wrong)\b|\b(?:it|this|that|which|he|she)\s+(?:always|never)\s+\w+s\b|\b(?:don'?t|doesn'?t) (?:have|has|know|exist|seem|contain|show|appear)\b|^no \w+ (?:has|have|as|is|are|was|were)\b|\bi don'?t (?:have|know)\b|还是不行|不行了|^that'?s just\b|please use -\w+|^no (?:strong )?(?:feelings?|idea|problem|worries|rush|thanks|need|way|luck|pressure|preference|like|i|it|that|this|just|wait|actually|not)\b|^(?:(?:ok(?:ay)?|yes|so|and|but|also|then|now|first|next|finally),?\s+)*(?:let'?s|we (?:also )?need to|can you|could you|would you|will you|i (?:never|didn'?t|don'?t (?:know|see|think)|tried|saw|got)|it (?:never|doesn'?t|didn'?t)|this (?:never|doesn'?t))\b|\bI never\b|\bnever (?:saw|seen|got|had|was|were|did|knew|opened|worked|showed)\b/i;

export type ProseSource = 'thinking' | 'assistant' | 'user';

export interface ProseFinding {
  kind: 'decisions' | 'rejected';
  sentence: string;
  score: number;
}

/**
 * An intention, not a decision: "Now I'll add the styles", "Let me check the tests", "Next, I'm going to…".
 * With a reason or a dismissed alternative it is a decision after all ("I'll use X because Y").
 */
const INTENTION =
  /^(?:(?:now|next|first|then|finally|lastly|ok(?:ay)?|alright|great|perfect|good|so|and|also),?\s+)*(?:i'll|i will|i'm going to|i am going to|let me|let's|i need to|i should|we need to|we'll|we will|time to|going to)\b(?!\s+(?:use|(?<![.\w/-])go with|keep|stick (?:with|to)|switch to|choose|pick|prefer|store|adopt|standardi[sz]e on|settle on|batch|cap|limit|make it|put))/i;
/** A step announced: "I'll add …", "Let me check …", "Now I'll run …". */
const ACTION_STEP =
  /^(?:(?:now|next|first|then|finally|lastly|ok(?:ay)?|alright|so),?\s+)*(?:let['’]s use \S+ to\b|i will provide\b|(?:i['’]m (?:now )?(?:reading|checking|looking|running|going through|inspecting|reviewing|searching|scanning|opening|writing|adding|updating|fixing|testing)\b|(?:i['’]ll|i will|let me|let's|i['’]m going to|i am going to)\s+(?:now\s+|first\s+|also\s+|then\s+)?(?:add|check|look|read|run|start|create|update|fix|write|implement|try|test|inspect|open|search|explore|review|investigate|verify|examine|modify|edit|change|set up|install|build|look into|figure out|see|find|scan|grep|mark|remove|delete|refactor|rerun|re-run|debug|trace|reproduce|confirm|ensure|profile|benchmark)\b))/i;
const ALTERNATIVE = /\b(?:instead of(?! ~?\d)|rather than|over(?! time\b)|not|no longer|than)\b/i;
/** The alternative a choice dismissed, named: "instead of X", "rather than X", "X, not Y", "over X". */
const ALTERNATIVE_NAMED = new RegExp(
  String.raw`${OTHER_LANGUAGE_INSTEAD}|[\w"'”’)\]\x60], bukan [^\s,.;]|` +
    /\b(?:instead of(?! ~?\d)|rather than|in favou?r of|as opposed to|statt|anstatt|anstelle)\b|\b(?:better|safer|simpler|cleaner|faster|easier|cheaper|more (?:robust|reliable|readable|accurate|predictable)|less (?:fragile|brittle|error-prone))\b[^.;]{0,60}?\bthan\b(?! (?:i|we) (?:thought|expected)\b)|而不是|\w, not (?!just\b|only\b|yet\b|sure\b|because\b)(?:an? |the )?\w+|\bover (?!time\b|the (?:course|years|weekend|network|wire|top)\b|there\b|here\b)(?:the |an? )?`?[\w.-]+`?(?:\s|$|[,.;:])|\bnot `[^`]+`/
      .source +
    String.raw`|\b(?:i['’]d|i would|we['’]d|we would) rather\b[^.;]{1,80}?\bthan\b`,
  'i',
);

/** Not a statement at all: a heading or lead-in ending in ':', a question, a fragment without a verb. */
/** A sentence ending in a closing quote it never opened: the tail of a passage quoted from someone else. */
export function closesAQuotation(sentence: string): boolean {
  const s = sentence.trim();
  if (/”\s*$/.test(s)) return !s.includes('“');
  return /"\s*$/.test(s) && (s.match(/"/g) ?? []).length % 2 === 1;
}

export function isNotAStatement(sentence: string): boolean {
  const s = sentence.trim().replace(/\*+/g, '');
  if (/[:?：？]\s*$/.test(s)) return true;
  // A question without its mark ("why make it X instead of under Y"): it asks, it does not choose.
  if (
    /^(?:why|how come|how (?:do|does|did|can|could|should|would)|what|where|which|who|anything else)\b|^the (?:real |main |key |open |only )?question is\b/i.test(
      s,
    )
  )
    return true;
  if (/^>|^instead of\s*:/i.test(s)) return true; // a quoted line (`> **Then** …`), a "before/after" heading
  if (closesAQuotation(s)) return true; // the end of a passage quoted from elsewhere (a manuscript, a spec)
  // A question without its mark ("Have you made sure the script works? can you make…"): it asks.
  if (/^(?:have|has|did|do|does|were|was|are|is) (?:you|we|it|they|this|that) /i.test(s)) return true;
  // A question with an example after it: "Do you have a URL for this? (like `https://…`)".
  if (/[?？](?=\s*[(（]|\s*$)/.test(s.replace(/`[^`]*`/g, ''))) return true;
  if (/^(?:pros?|cons?|option \w+|approach \w+|step \d+|\w+ \d+)\s*[:\-–]/i.test(s)) return true;
  // An illustration, not a statement of its own: "Beispiel: …", "For example, …", "e.g. …".
  if (/^(?:beispiel|example|for example|for instance|zum beispiel|z\.\s?b\.|e\.g\.|例如|比如|例えば)\b/i.test(s)) return true;
  if (s.split(/\s+/).length < 5) return true;
  return false;
}

/**
 * Cheap necessary condition for classifySentence finding anything, tested first because most sentences
 * are neither (it is the build's hottest heuristic): every finding it returns is either a rejected
 * approach, which needs EVIDENCE_OF_UNDOING and is never the user's, or a decision, which needs CHOSE
 * (`strong`) or ALTERNATIVE_NAMED (`alternative`) to pass the `!strong && !(argued && alternative)` test.
 * Keep it in step with classifyWithoutPrefilter: a new way to return a finding there needs its word here
 * (test/unit/prosePrefilter.test.mjs compares the two on every sentence of the fixtures).
 */
function mayBeFinding(sentence: string, source: ProseSource): boolean {
  return (
    CHOSE.test(sentence) ||
    ALTERNATIVE_NAMED.test(sentence) ||
    (source !== 'user' && EVIDENCE_OF_UNDOING.test(sentence)) ||
    (source === 'thinking' && CONCLUSION_LABEL.test(sentence)) ||
    (source !== 'user' && DECISION_LABEL.test(sentence) && RATIONALE.test(sentence))
  );
}

const MANNER_WORDS = String.raw`\b(?:rather than|instead of) (?:guess\w*|assum\w*|hand[-‑ ]?wav\w*|speculat\w*|eyeball\w*|improvis\w*|(?:trying to )?(?:remember\w*|recall\w*|figur\w* out)\b)[^,.;]*`;
const MANNER = new RegExp(MANNER_WORDS, 'i');
const MANNER_GLOBAL = new RegExp(MANNER_WORDS, 'gi');

/** A weighing's conclusion by its label: "Trade-off: … so X", "So: X", "Verdict: X". */
const CONCLUSION_LABEL =
  /^(?:trade-?offs?\s*:.*\bso\b\s+\S|(?:so|thus|hence|therefore|verdict|conclusion)\s*:\s+(?!.*\b(?:is|are|was|were|has|have|had|does|did|seems?|looks?|fails?|failed|works?|worked)\b|.*n['’]t\b)\S)/i;

/** What a sentence records, if anything: a decision, a rejected approach, or nothing. */
export function classifySentence(sentence: string, source: ProseSource, listed = false): ProseFinding | undefined {
  if (sentence.length < 15 || sentence.length > 700) return undefined; // (as below, before the prefilter's scan)
  if (!mayBeFinding(sentence, source)) return undefined;
  return classifyWithoutPrefilter(sentence, source, listed);
}

/** classifySentence without its prefilter (mayBeFinding): the unit tests check that both always agree. */
export function classifyWithoutPrefilter(sentence: string, source: ProseSource, listed = false): ProseFinding | undefined {
  if (sentence.length < 15 || sentence.length > 700) return undefined;
  // Words in quotes are someone's words cited ("the "I'll lose my toolings" fear"): no choice of this sentence's.
  const quoted = sentence.replace(/["“„«][^"”“«»]{1,200}["”»]/g, '""');
  if (quoted !== sentence && !DECISION.test(quoted) && !REJECTED.test(quoted)) return undefined;
  // Diligence told as a contrast ("…so the summary is grounded rather than guessing", "I verified it rather
  // than assuming"): the manner of a step, no alternative weighed. Only another choice word keeps it.
  if (MANNER.test(sentence)) {
    const judged = sentence.replace(MANNER_GLOBAL, ' ');
    if (!ALTERNATIVE_NAMED.test(judged) && !STRONG_CHOICE.test(judged)) return undefined;
  }
  // An offer to the user ("Dis-moi si tu veux autre chose", "Let me know if…") decides nothing.
  if (
    /^(?:dis[-‑ ]moi|tell me|let me know|sag (?:mir|bescheid)|si tu veux|si vous voulez|if you(?:'d| would)? (?:want|like|prefer)|wenn du|falls du)\b/i.test(
      sentence.trim(),
    )
  )
    return undefined;
  // "X 接收的是 A，而不是 B": what something is, told by what it is not; no one chose (Chinese has no chooser in it).
  if (/的是[^，。；！？]{1,80}[，,]?\s*而不是/.test(sentence) && !/我|咱/.test(sentence)) return undefined;
  // Chinese 决定 also means "determines": "EMV 的正负完全由 mid_move 决定", "它决定了每根 K 线的权重" say what depends on what.
  if (/决定/.test(sentence)) {
    const chooses = sentence.replace(
      /(?:由|按|根据|依据|依照)[^，。；！？]{0,40}决定|直接决定(?:了)?|决定[^，。；！？|]{0,12}的(?:关键|因素)|(?:它|这|其|那|这个|那个)[^，。；！？\s我]{0,8}?决定(?:了|着)?(?![用将要])|决定的/g,
      '',
    );
    if (chooses !== sentence && !DECISION.test(chooses) && !ALTERNATIVE_NAMED.test(chooses)) return undefined;
  }
  if ((sentence.match(/\(/g) ?? []).length > (sentence.match(/\)/g) ?? []).length) return undefined; // cut inside a parenthesis: a fragment
  if ((sentence.match(/\s\|\s|\s\|$/g) ?? []).length >= 2) return undefined; // a table's row, cut where its cells meet
  // A step told to oneself ("Also update the comment since…, not webhook."): what to do next, not a choice.
  if (
    source !== 'user' &&
    /^(?:(?:also|then|next|now|and|first|second|finally),?\s+)?(?:verify|debug|confirm|ensure|investigate|try|update|add|fix|change|remove|rename|check|run|create|write|edit|set|delete|move|replace|commit|push|test)\b/i.test(
      sentence.trim(),
    ) &&
    !CHOSE.test(sentence)
  )
    return undefined;
  if (isNotAStatement(sentence)) return undefined;
  // "X fails during discovery rather than on code, so I'm checking whether…", "…nested rather than at the
  // root, so I'll list that directory": what was found, and the look it leads to; nothing chosen.
  if (source !== 'user' && LEADS_TO_A_LOOK.test(sentence) && !STRONG_CHOICE.test(sentence.split(/,\s*so\s/i)[0])) return undefined;
  // Advice to the reader or what would have happened ("you'd have this depend on a port", "would have been
  // configured"): a consideration, not a choice made in this session.
  if (source !== 'user' && ADVICE_OR_COUNTERFACTUAL.test(sentence)) return undefined;
  // The user asking for work ("create a copy of the script that uses fish instead of bash", "I want you to
  // think about…") states the task, which the prompt's first section keeps; a decision of theirs says so.
  if (
    source === 'user' &&
    USER_REQUEST.test(sentence.trim()) &&
    !STRONG_CHOICE.test(sentence) &&
    !/\blet['’]?s (?:use|(?<![.\w/-])go with|keep|stick)\b/i.test(sentence)
  )
    return undefined;
  // What the user asked, restated by the agent, is neither its decision nor an approach it gave up.
  if (/^(?:the )?user (?:wants|asks|asked|is asking|says|said|would like|mentions|reports|needs|shared|pasted|provided|sent|gave)\b/i.test(sentence))
    return undefined;
  // …nor is reading the user ("I'm re-reading the request—the user wants…", "The user is frustrated because…").
  if (
    /\bthe user(?:['’]s)? (?:is|was|wants|wanted|just wanted|asks|asked|says|said|seems|would like|mentions|reports|needs|expects)\b/i.test(sentence) &&
    !/\b(?:i|we)(?:['’]ll| will)\b/i.test(sentence)
  )
    return undefined;
  // A diagnosis is not a decision: "The issue is that X is set to Y instead of Z", "I can see that…".
  if (OBSERVATION.test(sentence) && !STRONG_CHOICE.test(sentence)) return undefined;
  if (NO_CHOICE_MADE.test(sentence)) return undefined;
  // "We haven't actually chosen a framework yet": a choice not made.
  if (/\b(?:haven['’]t|have not|hasn['’]t|has not|didn['’]t|did not|not yet|never) (?:\w+ )?(?:chosen|decided|picked|settled)\b/i.test(sentence))
    return undefined;
  // A decision recalled from another time ("gestern hatten wir entschieden…", "we had decided…") is history, not made here.
  if (RECALLED.test(sentence)) return undefined;
  // An offer or a condition is not a decision: "If you prefer X, we can…", "Want me to…".
  if (/^(?:if|when|once|unless|should|would|could|can|do you|want me|shall)\b/i.test(sentence)) return undefined;
  const alternative = ALTERNATIVE_NAMED.test(sentence);
  if (!isChoiceCandidate(sentence, false, source === 'thinking' && alternative && RATIONALE.test(sentence))) return undefined;
  if (NARRATION.test(sentence) && !STRONG_CHOICE.test(sentence) && !(alternative && RATIONALE.test(sentence))) return undefined;
  // A list item in the agent's or user's text is a fragment of a plan or a report, unless it names its choice and what it beat.
  if (listed && source !== 'thinking' && !(alternative && RATIONALE.test(sentence))) return undefined;
  // Cheap pattern tests first: most sentences match none, and specificity is the costly part.
  // Rejected only with evidence that something was tried and undone or given up; never a plan.
  const rejected =
    source !== 'user' &&
    EVIDENCE_OF_UNDOING.test(sentence) &&
    REJECTED.test(sentence) &&
    !INTENTION_TO_UNDO.test(sentence) &&
    ATTEMPT_ACTOR.test(sentence) &&
    !NOT_AN_ATTEMPT.test(sentence) &&
    // A plan or an option weighed ("I'd revert the import path, then…", "if that doesn't work, fall back to…",
    // "the realistic options are…, or going back to…"): nothing was tried yet.
    !/\b(?:(?:i|we)['’]d (?!(?:\w+ed|been|done|made|seen|gone|written|set|put|already|just)\b)|would|could|options? (?:are|is|would be)|if (?:that|this|it) (?:doesn['’]t|does not|fails|won['’]t))\b/i.test(
      sentence,
    ) &&
    !/\buser\b|\bno longer depends\b/i.test(sentence) &&
    // Told to the user about their own ways ("You won't do that consistently, so you abandon it"): not an attempt of ours.
    !/^(?:you|your)\b/i.test(sentence.trim());
  // "I'll add X, but first check Y" is a step, whatever reason it gives; "I'll use X because Y" is a choice.
  const intention =
    (INTENTION.test(sentence) && !RATIONALE.test(sentence) && !ALTERNATIVE.test(sentence)) || (ACTION_STEP.test(sentence) && !ALTERNATIVE_NAMED.test(sentence));
  // A reason after a colon counts when someone (or an imperative) chooses: "Use SQLite over Postgres here: it's a single-user CLI".
  // (…or, in thinking, a choice set against what it beat: "stopwords=None by default rather than filtering by default: callers keep today's output".)
  const colonReason =
    /^[^:]{8,120}:\s+\S.{8,}/.test(sentence) &&
    (IMPERATIVE_CHOICE.test(sentence.trim()) ||
      /\b(?:i|we)['’]ll\b/i.test(sentence) ||
      (source === 'thinking' && alternative && /\b(?:rather than|instead of)\b[^:]*:/i.test(sentence)));
  // "I'll run X rather than Y: why" opens like a step, but weighs an alternative with its reason: a choice.
  const weighed = alternative && (RATIONALE.test(sentence) || colonReason);
  const decision = !rejected && !intention && DECISION.test(sentence) && (!CHATTER.test(sentence) || weighed);
  const reason = RATIONALE.test(sentence) || colonReason ? 2 : 0;
  // Without decision words: in thinking a stated reason is enough ("integer cents, since floats drift");
  // in the agent's text it takes an imperative or a named alternative as well.
  const implicit =
    !rejected &&
    !decision &&
    !intention &&
    source !== 'user' &&
    ((reason > 0 && (source === 'thinking' || IMPERATIVE_CHOICE.test(sentence) || alternative)) || NOT_THAT.test(sentence)) &&
    !CHATTER.test(sentence);
  if (listed && !alternative && !/\b(?:decided|chose|opted|going with|went with|settled)\b/i.test(sentence)) return undefined;
  const concluded = source === 'thinking' && CONCLUSION_LABEL.test(sentence);
  if (!rejected && !decision && !implicit && !concluded) return undefined;
  // The agent describing what it found ("X uses Y instead of Z") states no choice of its own: a decision
  // has a chooser (I, we, an imperative, a "Topic: choice" line) or weighs an alternative with a reason.
  const chooser = CHOICE_SUBJECT.test(sentence) || STRONG_CHOICE.test(sentence) || concluded;
  if (!rejected && source !== 'user' && !chooser && !(alternative && reason && source === 'thinking')) return undefined;
  // Without a chooser, a sentence whose verb describes ("The response is in `reasoning_content` rather than
  // `content`", "The pulse animation is applied to the badge, not the button") reports what is, not a choice.
  if (!rejected && source !== 'user' && !chooser && DESCRIBES.test(sentence)) return undefined;
  // The user's words are requests, which the prompt's first section keeps whole; a choice of theirs says it
  // chooses ("let's go with…", "we'll use…"). A request phrased "instead of X, do Y" is the task.
  if (source === 'user' && !USER_CHOOSES.test(sentence)) return undefined;
  const specific = specificity(sentence);
  // Thinking is where choices are made and where a compaction loses them first.
  const sourceWeight = source === 'thinking' ? 1.5 : source === 'user' ? 2 : 0.5;
  // "So our current approach won't work cleanly.": an approach given up that it does not name tells nothing.
  if (rejected && namesNoApproach(sentence)) return undefined;
  if (rejected) return { kind: 'rejected', sentence, score: 4 + specific + reason + sourceWeight };
  // A decision states that it chose ("decided", "going with", "instead of") or gives both its reason and
  // the alternative it dismissed. Without either it is a plan, an intention or a remark: on logs nobody
  // tuned on, those were most of what the looser rule picked up (bench:precision, pass 5).
  // "Trade-off: A reads cleaner but…; one query is worth a flag, so a keyword-only flag", "So: one awk pass…":
  // a conclusion labelled as such, in thinking, is the pick.
  // ("Decision: X, because Y", "Korjaus: X, koska Y": a choice labelled as one, with its reason, in any language.)
  const strong = CHOSE.test(sentence) || concluded || (reason > 0 && DECISION_LABEL.test(sentence)) ? 2 : 0;
  // A reason may also come as a conclusion ("So X, not Y" after the why) or a dash clause ("X, not Y — why").
  const argued =
    reason > 0 ||
    /^(?:so|thus|hence|therefore|daher|also|所以)\b/i.test(sentence) ||
    /\S\s[—–]\s\S/.test(sentence) ||
    // …or after a colon, the alternative named before it ("X, ekki Time::Local: YYYY-MM-DD sorts the same as text").
    (alternative && /^.{8,160}?[^:]:\s+\S.{8,}/.test(sentence)) ||
    /,\s*so (?:i|we)['’]ll\b/i.test(sentence);
  if (!strong && !(argued && alternative)) return undefined;
  if (decision) return { kind: 'decisions', sentence, score: 3 + specific + reason + strong + sourceWeight };
  // Reasoning without the usual decision words: "Use a B-tree for the index since lookups dominate."
  if (source === 'thinking' || specific >= 1) return { kind: 'decisions', sentence, score: 1.5 + specific + reason + strong + sourceWeight };
  return undefined;
}

// Where a user message stops being the user's own words: a slash command's expansion (its text comes
// from a command file, which a repository can ship) or an interruption marker (what follows is not typed).
const NOT_OWN_WORDS = /<command-(?:message|name|args)>|\[Request interrupted by user/;

/** The part of a user message the person typed: up to a `<command-message>` or an interruption marker. */
export function ownWords(text: string): string {
  const at = text.search(NOT_OWN_WORDS);
  const own = at < 0 ? text : text.slice(0, at);
  // A block in tags (`<steps CRITICAL="TRUE">…</steps>`, `<instructions>…</instructions>`) is a prompt a
  // tool or a template wrote, whoever sent the message: people do not type their rules in markup.
  return own.includes('</') ? own.replace(TAGGED_BLOCK, ' ') : own;
}
const TAGGED_BLOCK = /<([A-Za-z][\w-]*)(?:\s[^<>]*)?>[\s\S]*?<\/\1>/g;

/** A shell prompt a user pasted with its output: `me@host:~/app$ pixi install`, `$ npm test`, `PS C:\app>`. */
const PASTED_PROMPT = /^\s*(?:[\w.-]+@[\w.-]+:[^\s$#]*[$#]\s|(?:~|[~.]?\/[\w./-]*|[\w.-]+)?\s*[$❯➜]\s|PS [A-Z]:\\[^>]*>)/;
/** A line of pasted tool output: tree and box drawing, error banners, stack frames, `at` lines. */
// (…and log lines: a clock time or a level in brackets first, Node's `(node:1234) [DEP0040] DeprecationWarning: …`.)
// (…and an exception's own line, `ValueError: Unicode strings … Please use bytes input …`, or a linter's row, `Line 3:10: …`.)
const PASTED_OUTPUT_LINE =
  /^\s*(?:[│├└╰╭╮╯┌┐─━▶×✗✖⎿⏺●]|(?:⚠️?|❌|ℹ️?|✓|✔)\s|(?:Error|error|ERROR|Traceback|Caused by|fatal|warning)\b[:\s]|[\w.-]{1,30}: (?:warning|error|fatal): |[A-Z]\w*(?:Error|Exception|Warning): \S|Line \d+:\d+:\s+\S|at\s+\S+\s*\(|File ".+", line \d+|\d{1,2}:\d{2}:\d{2}\b|\[(?:WARNING|WARN|ERROR|INFO|DEBUG|TRACE)\]|(?:INFO|WARN(?:ING)?|ERROR|DEBUG|TRACE|CRITICAL)\s*:\s|.*"(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) \S+ HTTP\/\d|\(node:\d+\)|\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/;

const PASTED_ERROR_PARAGRAPH =
  /^(?:E\d{3,4}: |Error detected while processing\b|npm ERR!|Traceback \(most recent call last\)|\s*at \S+ \(.+:\d+:\d+\)$|line\s+\d+:$)/m;

/** A line leading in to a list of suppositions: "tell me what we could do differently if:", "Assuming:", "What if". */
const HYPOTHETICAL_LEAD_IN =
  /(?:\bif|\bassuming(?: that)?|\bsuppose|\bsupposing|\bimagine|\bwhat if|\bhypothetically|\bin (?:a|the) case (?:that|where))\s*[:：]\s*$/i;
const BULLET_LINE = /^\s*(?:[-*•]|\d+[.)])\s+/;
/** The sentence that announces a paste of someone else's words: what follows it is theirs. */
const PASTE_LEAD_IN =
  /\b(?:i['’]ll|i will|let me|i['’]m going to) paste (?:you )?(?:the|his|her|their|its|your|what|this)\b[^.\n:]*[.:]|\bhere(?:['’]s| is) what (?:the |my |your )?[\w -]{1,30} (?:said|says|wrote|replied|answered)\b[^.\n:]*[.:]|^(?:the )?(?:agent|assistant|claude|replit|chatgpt|copilot|gemini|cursor) (?:said|says|wrote|replied)\s*:/im;

/**
 * The user's own lines of a message, without the terminal output they pasted into it: after a pasted
 * prompt everything up to the next blank line is that command's output, and tree/box-drawn lines,
 * error banners and stack frames are output wherever they stand.
 */
export function withoutPastedOutput(text: string): string {
  const kept: string[] = [];
  let inOutput = false;
  // "I'll paste you the last message." / "Here is what the agent said:" and then someone else's text: from
  // there on the words are theirs (another agent's advice is no rule of the user's).
  const pasteLeadIn = PASTE_LEAD_IN.exec(text);
  if (pasteLeadIn) text = text.slice(0, pasteLeadIn.index + pasteLeadIn[0].length);
  // A paragraph holding an error banner (vim's `E1070:`, `Error detected while processing`, `npm ERR!`)
  // is a program's output pasted whole, its advice ("Please do not report bugs unless…") included.
  text = text
    .split(/\n\s*\n/)
    .filter((paragraph) => !PASTED_ERROR_PARAGRAPH.test(paragraph))
    .join('\n\n');
  // A patch pasted in (`*** Begin Patch` … `+- Local ports only.`): the lines it adds are a file's text, not the user's words.
  const patch = /^\*\*\* Begin Patch\s*$/m.exec(text);
  if (patch) text = text.slice(0, patch.index);
  // An email pasted in (`Jake Kartes <jakekartes@anthropic.com>` on a line of its own, or its `From:` header): from its
  // sender on, the words are the sender's ("Please do your work only within the CodeSignal platform").
  const email = /^(?:From:\s*)?[^\n<>@]{0,80}<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>\s*$/m.exec(text);
  if (email) text = text.slice(0, email.index);
  // "Here is the original spec:" and then a Markdown document: from its title on, it is the document's text.
  const document = /\n\s*# \S/.exec(text);
  if (document && text.slice(0, document.index).trim()) text = text.slice(0, document.index);
  let hypothetical = false;
  for (const line of text.split('\n')) {
    // The items under "…what we could do differently if:" or "Assuming:" are a premise to think through, not
    // standing rules (they end with the list, at the first line that is no item).
    if (hypothetical && (BULLET_LINE.test(line) || !line.trim())) continue;
    hypothetical = HYPOTHETICAL_LEAD_IN.test(line);
    if (hypothetical) {
      kept.push(line);
      continue;
    }
    // A code fence stays, whatever it closes: cut out with the output, the fence left open would swallow
    // everything the user wrote after the paste.
    if (/^\s*```/.test(line)) {
      inOutput = false;
      kept.push(line);
      continue;
    }
    if (PASTED_PROMPT.test(line)) {
      inOutput = true;
      continue;
    }
    if (inOutput && !line.trim()) inOutput = false;
    if (inOutput || PASTED_OUTPUT_LINE.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

/** A user's standing instruction ("keep X", "don't Y", "use A not B"), said whole and to the agent. */
export function isConstraint(sentence: string): boolean {
  // (Typed apostrophes are often curly, "don’t": the rule words are written with the straight one.)
  const plain = sentence.replace(/[’‘]/g, "'");
  return soundsLikeRule(plain) && !isFragmentOrSpec(plain);
}

/**
 * Worded like a rule (a rule word, not a question, a paste, a one-off step). Counting these tells a rule
 * document (a template, a spec: many of them in one message) from the user's own few rules.
 */
/** A rule with a tag question after it: the question asks for agreement, the words before it are the rule. */
const TAGGED_RULE =
  /^[^?？؟]{8,},\s*(?:ok(?:ay)?|right|yeah|got it|alright|understood|seri(?: ?ya| ?ah| ?thaane)?|ok ?va|ok ?ah|theek hai|thik hai|na|ja|oder|nicht wahr|d['’]accord|vale|né|tá)\s*[?？؟]\s*$/i;

/** Every word of three or more capitalized (small words and `iTerm2` aside), not shouted in capitals: a label or a title. */
function isTitleCase(sentence: string): boolean {
  // (A sentence ends in a full stop, "Target Node 18."; a label does not.)
  if (/[.!]$/.test(sentence.trim())) return false;
  const words = sentence.trim().replace(/:$/, '').split(/\s+/);
  if (words.length < 3 || words.length > 10) return false;
  const small = /^(?:a|an|the|and|or|of|in|on|to|for|with|by|at|from|as|vs\.?)$/;
  return words.every((w) => /^[A-Z0-9]/.test(w) || /[A-Z]/.test(w) || small.test(w)) && words.filter((w) => /^[A-Z][a-z]/.test(w)).length >= 3;
}

export function soundsLikeRule(text: string): boolean {
  const sentence = text.replace(/[’‘]/g, "'");
  if (sentence.length < 8 || sentence.length > 500) return false;
  // A question asks; it does not set a rule. (A rule asked to be agreed to, "…, eppovume force push pannadha, ok va?",
  // "…, seri ya?", "…, right?", is still the rule.)
  if (/[?？؟]\s*$/.test(sentence) && !TAGGED_RULE.test(sentence)) return false;
  // …nor does one asked with a question word and no mark: "art如何确定哪些对象放在moving space", "为什么不能用X".
  // (…"那第一类必须定死的，现在我们有哪些还没有敲定": which of them are not settled yet.)
  if (/如何|怎么|怎样|为什么|为何|是否|哪些|哪个|哪里|多少|有没有|是不是|能不能|可不可以|[吗呢]\s*$|どうやって|なぜ|ですか\s*$/.test(sentence)) return false;
  // A label in Title Case ("Do Not Remap Modifiers", an option of a menu pasted in) names a thing; a document's checked
  // rule ("**✅ ALWAYS add `type=\"pcre2\"` to regex patterns**") was drafted for a file, not typed to the agent.
  if (isTitleCase(sentence) || /^\s*(?:[-*]\s+)?(?:\*\*)?\s*(?:✅|❌|⚠️?|🚫|⛔|✔️?|✗|✘|📌|🔴|🟢|👉)/u.test(sentence)) return false;
  // A liking or a dislike of what is there ("I like it that we don't use red.", "I don't really like the Apps button.") is
  // feedback on the moment; "you don't want your VLANs …" explains how things generally go.
  if (
    /^\s*i (?:really )?(?:like|love|liked|loved) (?:it )?(?:that|how|the|this)\b|^\s*i (?:don'?t|do not) (?:really )?like (?:the|this|that|how|these|those|it)\b|\byou (?:don'?t|do not|never) want your\b/i.test(
      sentence,
    )
  )
    return false;
  // A document's field (`**FR-001**:`, `**Status**:`, `**Side Effects:** …`, `**Webhooks (The Source of Truth):**`), pasted.
  if (/^\s*(?:[-*]\s+|\d+\.\s+)?\*\*[^*\n]{1,80}?(?::\*\*|\*\*\s*:)/.test(sentence)) return false;
  if (
    /^[.…\s]*(?:(?:so|and|but|ok(?:ay)?|anyway),?\s+)*(?:what|how|why|where|which|who|(?:is|are|was|were|do|does|did|have|has|can|could|would|will|should) (?:there|you|we|i|it|they|this|that|these|those)\b)/i.test(
      sentence.trim(),
    )
  )
    return false; // a question without its mark ("Were you sure you're updating my memory because…")
  if (sentence.trim().split(/\s+/).length < 3 && !/[\u3000-\u9fff]/.test(sentence)) return false; // "dont run": a one-off, not a rule
  if (/^\s*(?:⏺|⎿|●|>)/.test(sentence)) return false; // the agent's own words, pasted back
  // An app builder's element-edit wrapper ("Only modify the selected element, User's needs : 改为蓝色"): the
  // platform's words around one request.
  if (/\bUser['’]s needs\s*:|^only modify the selected element\b/i.test(sentence)) return false;
  // A Chinese request to change something now ("改为直接 JSON.stringify(data) 不要截断"), unless it says it always holds.
  if (/^\s*(?:改为|改成|把|帮我|请帮我|请把|给我)/.test(sentence) && !/始终|永远|一直|总是|以后|每次|必须|所有/.test(sentence)) return false;
  // …nor a step asked ("你可以整理出来在桌面新建一个文件夹", "然后再输出修正版分析在桌面") unless it says it always holds.
  if (/你可以|可以帮我|帮我|麻烦你|^\s*(?:然后|接着|之后|再|先)/.test(sentence) && !/始终|永远|一直|总是|以后|每次|必须|所有|不要|别|不准|不能/.test(sentence))
    return false;
  // A program's status pasted in ("No decoders to deploy"), and a drafted rule with its own markup ("必须回应**这个客户**说的**这句具体话**").
  // A task's heading in a spec (`任务 2：单价展示收敛 ⚠️【必须改】`), a feature to build (`…增加约束，不允许…`), a tool's advice pasted in
  // (React's "To fix this, either do not render …", a manual's "If you don't care about …, I recommend …").
  if (/^\s*(?:@\S+\s+)?(?:任务|步骤|task|step)\s*\d+\s*[：:]|【[^】]{1,8}】/i.test(sentence)) return false;
  // (Not when it forbids adding one: "不要增加功能".)
  if (/(?:增加|添加|新增|实现|加上|加一个)(?:一个|个)?(?:约束|校验|检查|限制|功能|逻辑)/.test(sentence) && !/不要|别|不准|禁止|不能|不许/.test(sentence))
    return false;
  if (/^\s*to fix this\b|^\s*if you (?:don'?t|do not) care about\b|\bI recommend\b/i.test(sentence)) return false;
  // (Set AT) a step for a missing thing ("if you do not have duckdb yet, create a dummy one"), and what is not needed of this
  // task ("don't need the others for now").
  if (/^\s*if you (?:don'?t|do not) (?:have|see|find)\b|^\s*(?:(?:and|but|so)\s+)?(?:don'?t|do not) need (?:the|these|those|it|them|any of)\b/i.test(sentence))
    return false;
  if (/^\s*no \S+(?: \S+)? to (?:deploy|install|update|remove|commit|push|process|show|display|sync|migrate|build|clean|do)\.?\s*$/i.test(sentence))
    return false;
  if ((sentence.match(/\*\*[^*\n]{1,40}\*\*/g) ?? []).length >= 2) return false;
  if (/[:：]\s*$/.test(sentence)) return false; // a lead-in to what follows (a structure, a paste): a step of the task
  // A program's message pasted in: "no callable 'end' function found for type 'unknown'".
  if (/^\s*(?:no|cannot|can['’]t|could not|unable to|failed to)\b.*\b(?:found|for type|exist|resolve|find|load|read|open|connect)\b/i.test(sentence))
    return false;
  if (/\bfailed with\b|\b(?:error|exception|fatal)\s*:/i.test(sentence)) return false;
  // …nor what a program printed failing (`…: Launching server using command risk-lsp failed.`, `spawn x ENOENT`).
  if (/\b(?:ENOENT|EACCES|EPERM|ECONNREFUSED|ETIMEDOUT|EADDRINUSE)\b|\bfailed\.?\s*$/.test(sentence)) return false;
  // Venting ("Don't go fucking rogue", "I don't want to sit here and baby you") and a complaint ("You don't make sense")
  // answer the moment; a need that has gone ("We don't need it anymore") or a task the user names ("We have to remove the
  // token from the source") is one request. (Set AQ: every such line was one-off.)
  // (Not a rule said with an oath: "no fucking fluff." still rules.)
  if (
    (/\b(?:fuck\w*|shit\w*|damn\w*|wtf)\b/i.test(sentence) && /^\s*(?:i|you|don'?t go)\b/i.test(sentence)) ||
    /\bbaby you\b|^\s*you (?:don'?t|do not) (?:make sense|listen|understand|get it)\b/i.test(sentence)
  )
    return false;
  if (
    /\b(?:we|i) (?:don'?t|dont|do not) need (?:it|this|that|them|the|these|those)\b|^\s*(?:we|you) have to (?:remove|delete|add|fix|create|move|rename|update|change|implement|build|write)\b/i.test(
      sentence,
    )
  )
    return false;
  // What need not be so ("não precisa ser exatamente como eu disse") frees the agent; it binds nothing.
  if (/\bn[ãa]o precisa (?:ser|fazer|seguir|ficar)\b|\bno (?:hace falta|tiene que ser) exactamente\b/i.test(sentence)) return false;
  // An example of how things are ("For example, Worldpay currently sends payments…") describes; it does not rule.
  if (/^\s*(?:for (?:example|instance)|e\.g\.)[,:]?\s/i.test(sentence)) return false;
  // What the user does not know or understand ("i don't even know what those files are tbh") is no instruction.
  if (
    /^\s*(?:(?:and|but|so|tbh|honestly)[,]?\s+)?i (?:really |even |just )?(?:don'?t|do not) (?:even |really )?(?:know|understand|remember|get|see|think|recall|feel)\b/i.test(
      sentence,
    )
  )
    return false;
  // Held back only for now ("Do not write the final writeup yet.", "add to the readme and do not commit yet"): a step of
  // the task, which the user's own words in section 1 keep; labelled one-off on every held-out set.
  // (Only said as an instruction: "…so don't want to break everything yet" states a lasting care of the user's.)
  if (/(?:^|[,;]\s*|\band\s+)(?:please\s+)?(?:don['’]?t|do not)\s+(?!want\b)\w+[^.;]{0,50}\byet\b/i.test(sentence)) return false;
  // Something the user did not do, told back ("i dont created the website inc."): a report, not an instruction.
  if (/\b(?:i|we) (?:dont|don['’]t|do not) (?:(?!need\b|feed\b|seed\b|speed\b)\w{2,}ed|made|done|built|written|bought)\b/i.test(sentence)) return false;
  // A change asked for now ("I don't want ✅ or ❌ anymore, just remove this part."): one edit, not a rule.
  if (/\bjust (?:remove|delete|drop|take out|get rid of) (?:this|that|it|these|those)\b/i.test(sentence)) return false;
  // A build's failure pasted in (`target api: failed to solve: process "…" did not complete successfully: exit code: 1`).
  if (/\bexit (?:code|status):?\s*\d+\s*$|\bdid not complete successfully\b|:\s*failed to \w+:/i.test(sentence)) return false;
  // A type or an object literal (`body: { expiresInHours: number } (default 24, max 168)`): a spec's or the code's words.
  if (/\{\s*[\w"']+\??\s*:\s*[^{}]+\}/.test(sentence) && !/\b(?:always|never|don['’]?t|do not|please)\b/i.test(sentence)) return false;
  if (/^\s*\+/.test(sentence)) return false; // a line of a pasted patch
  // A pasted report's field (an advisory's "Suggested fix: …") or a program's message naming an id
  // (`no public port '22/tcp' published for 0b2056b80ecd…`): someone else's words.
  if (/^\s*(?:suggested fix|recommendation|remediation|mitigation|workaround|impact|severity|description|details?)\s*[:：]/i.test(sentence)) return false;
  if (/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b/.test(sentence)) return false;
  if (closesAQuotation(sentence)) return false; // the end of a passage quoted from elsewhere
  // A one-off task ("Update x.sh so that the healthchecks use wget instead of curl") or a condition of its
  // spec ("If a --hard flag is provided: also…"), unless it says it always holds.
  if (
    /^(?:(?:ok(?:ay)?|so|and|also|then|now|please|pls),?\s+)*(?:update|add|create|fix|implement|write|make|change|modify|remove|delete|rename|move|refactor|replace|convert|set up|build|generate|improve|clean up|migrate|port|rewrite|translate|document|extend|optimi[sz]e|review|reviw|commit|deploy|push|install|configure|investigate|analy[sz]e|if)\b/i.test(
      sentence.trim(),
    ) &&
    // (A rule word in brackets is a detail of that task's spec: "(do NOT delete data volumes)".)
    // (Nor in the purpose it gives: "Add a small delay…, so that cycles don't run at realtime speed".)
    !/\b(?:always|never|from now on|every time|whenever|do not|don'?t|must not|mustn'?t)\b|\w, not (?:for )?(?:an? |the )?\w+|[,;—–]\s*no (?:new|extra|external|third[- ]party|other) \w+|\bone \w+ per \w+|必ず|常に|永远|始终|总是/i.test(
      sentence.replace(/\([^()]*\)/g, ' ').replace(/,?\s*\bso (?:that|as)\b.*$/i, ' '),
    )
  )
    return false;
  if ((sentence.match(/(?:^|\s)--?[a-z][\w-]*/gi) ?? []).filter((flag) => flag.trim().startsWith('--')).length >= 2) return false; // a command line with its flags
  // A list of one-off edits ("delete 8, finder should be p, delete a, keep whatsapp as is, …"): the task itself.
  if ((sentence.match(/(?:^|,\s*)(?:delete|remove|put|add|change|set|move|rename|replace|make|drop)\b/gi) ?? []).length >= 3) return false;
  // A command line or a line of code the user pasted (`PYTHONIOENCODING=utf-8 python x.py --force`, `time.sleep(…)`).
  if (
    /^\s*(?:[A-Z_][A-Z0-9_]*=\S+\s+)*(?:python3?|node|npm|npx|pnpm|yarn|bash|sh|git|docker|make|cargo|go|pip|uv|deno|bun)\s+\S/.test(sentence) ||
    /^[\w.$]+\(.*\)\s*;?\s*$/.test(sentence.trim())
  )
    return false;
  if (/^\s*no (?:rows?|results?|output|data|matches)\b/i.test(sentence)) return false; // output reported back
  // The tail of a bracketed block a tool put in the message (`[System instruction: … only describe the plan.]`),
  // or a rule about "the user" in the third person: instructions written for the agent by someone else.
  if (
    (/\]\s*$/.test(sentence) && !sentence.includes('[')) ||
    /\b(?:tell|show|ask|give|remind) the user\b|\bthe user(?:'s|’s)? (?:must|should|wants|expects)\b/i.test(sentence)
  )
    return false;
  // Chinese and Japanese rules are short; a long sentence or a numbered point (`2、…`, `3.3、…`) describes or argues.
  if (
    /[\u3040-\u30ff\u3400-\u9fff]/.test(sentence) &&
    (/^\s*\d+(?:\.\d+)*\s*[、.．]/.test(sentence) || sentence.replace(/[\u0020-\u007e\s]/g, '').length > 60 || /^\s*如果/.test(sentence))
  )
    return false;
  // Words in quotes are someone's words cited ("you said: 'I want X'"), not a rule being set now.
  const own = withoutQuotedWords(sentence)
    // A purpose, not a rule: "…upgrade so we don't run into this again".
    .replace(/\bso(?: that)? (?:we|i|it|you|they) (?:don['’]?t|won['’]?t|never|do not|will not|always|can|will|know)\b.*$/i, ' ')
    // What something does not do is a report ("they don't match", "it does not remember the bounds"), not a rule.
    .replace(/\b(?:they|it|these|those|which|he|she|this|that|there)\s+(?:don['’]?t|doesn['’]?t|do not|does not|didn['’]?t|did not)\s+\w+/gi, ' ');
  return CONSTRAINT.test(own) && !NOT_A_RULE.test(own);
}

/** Words in quotes are someone's words cited ("you said: 'I want X'"), not a rule being set now. */
function withoutQuotedWords(sentence: string): string {
  return sentence.replace(/["“„«][^"”“«»]*(?:["”»]|$)/g, ' ');
}

/** A rule-worded sentence that sets no rule of the user's for the agent: a fragment, a wish, a specification. */
export function isFragmentOrSpec(sentence: string): boolean {
  const own = withoutQuotedWords(sentence);
  // Cut inside a parenthesis ("85%) until it's under 4.5 MB."): the rule, if any, began before the cut.
  // (Only a cut near its start: a rule said inside a parenthesis closes it at the end, "…so don't break it yet)".)
  if (/^[^()]{0,12}\)/.test(own.trim())) return true;
  // "You must implement the five primary roles": what the task is to build, not a rule for doing it.
  if (
    /^(?:(?:and|also|so),?\s+)?you (?:must|should|need to|have to|will need to) (?:implement|build|create|add|write|develop|design|support|include|provide|make)\b/i.test(
      own.trim(),
    )
  )
    return true;
  // A rule that points at something it does not name ("it should never do this.", "I don't want you to
  // simply remember this.") is a fragment: the rule is in the words around it, which section 1 keeps.
  // (One clause only: "don't bump the version btw, release-please handles that" names the rule before its comma.)
  if (/\b(?:this|that)\s*[.!]*\s*$/i.test(own) && own.trim().split(/\s+/).length <= 9 && !/,\s/.test(own)) return true;
  // "I just don't want to keep paying for it": the user's own wish, not a rule for the agent.
  if (
    /\bi (?:(?:just|really|also|simply|mainly|only|honestly)\s+){0,3}(?:don['’]?t|do not) want to\b/i.test(own) &&
    !/\b(?:always|never|please|you)\b/i.test(own)
  )
    return true;
  // "But don't display it if there is no chance": how the thing being built behaves, a requirement of the task.
  if (
    /^(?:(?:but|and|also|so),?\s+)?(?:don['’]?t|do not|never|always)\s+(?:display|show|render|return|send|print|appear|emit|notify|include|list|hide)\b.*\b(?:if|when|unless|until)\b/i.test(
      own.trim(),
    )
  )
    return true;
  // "we can always iterate.": a possibility left open, no rule.
  if (/\b(?:we|you|i|it|they) (?:can|could) always\b/i.test(own)) return true;
  // "must"/"should" said of a thing ("The system must trigger…", "They must be exact events", "Resource should
  // use cache busting"): a specification or a description. A rule is said to the agent or of the work (you,
  // we, everything, all tests, there should be…), or carries a word of its own (always, never, don't, keep…).
  const modal = /\b(?:must|should|shall|shoudl)(?:n['’]?t| not)?\b/i.exec(own);
  if (
    modal &&
    !/\b(?:you|we|i|everything|every|all|nothing|there|tests?)\s+(?:\w+\s+)?$/i.test(own.slice(0, modal.index)) &&
    !/\b(?:always|never|don['’]?t|do not|(?<!\bto )avoid|please|keep|only|stop|no more|not allowed|at most)\b/i.test(own) &&
    // …or sets a limit on what is built ("p95 must stay under 200 ms", "must constrain to 45 days").
    !/^\s*(?:stay|remain|be kept|not exceed|never)\b/i.test(own.slice(modal.index + modal[0].length)) &&
    !/\b(?:under|below|within|less than|no more than|max(?:imum)?|up to|to)\s+(?:~|\$|€)?\d/i.test(own)
  )
    return true;
  return false;
}

/** True when a thinking/assistant sentence hints the text right after it explains a choice. */
export function hasRationale(sentence: string): boolean {
  return RATIONALE.test(sentence);
}
