// The bench:facts scenarios, one file each (see ../kit.mjs for what a scenario declares).
import { fileURLToPath } from 'node:url';

const names = [
  'nodeTerse',
  'pythonChatty',
  'rustGerman',
  'ideContext',
  'longPaste',
  'manyCompactions',
  'makeRefusals',
  'injectedInstructions',
  'progressOutput',
  'chineseUser',
  'headingsIntentions',
  'sqliteMigrations',
  // Held out: written without reading the analysts and scored once before any change to them.
  'pythonFlakyTerse',
  'frenchLongMessages',
  'sqlAnalystCompactions',
  // Held out (second set), the same way.
  'bashDeploySpanish',
  'nodeRenderThinker',
  'pytestJapaneseResumed',
  // Held out (third set), the same way.
  'pythonAgendaPortuguese',
  'cLogtallyBullets',
  'perlLedgerCompactions',
  // Held out (fourth set), the same way.
  'rustCliTerse',
  'javaPlainItalian',
  'nodeWorkspacesPasted',
  // Held out (fifth set), the same way.
  'jqPipelineKorean',
  'pythonAsyncDutch',
  'rustWorkspaceChatty',
  // Held out (sixth set), the same way.
  'sqliteReportsRussian',
  'nodeEsmPolish',
  'javaChattyMarathon',
  // Held out (seventh set), the same way.
  'cMakeTurkish',
  'pythonEtlHinglish',
  'rustIndonesianNoThinking',
  // Held out (eighth set), the same way.
  'bashOpsSwedish',
  'nodeLintVietnamese',
  'pythonGreekChatty',
  // Held out (ninth set), the same way.
  'nodeCliArabic',
  'javaThaiRunner',
  'pythonUkrainianTerse',
  // Held out (tenth set), the same way.
  'perlLogsHebrew',
  'cMemoryFinnish',
  'nodeMonorepoChattyEnglish',
  // Held out (eleventh set), the same way.
  'pythonCliPersian',
  'rustRomanianTerse',
  'sqlDanishChatty',
  // Held out (twelfth set), the same way.
  'nodeApiCzech',
  'pythonScraperMalay',
  'shellCiTerseEnglish',
  // Held out (thirteenth set), the same way.
  'awkReportNorwegian',
  'javaHungarianTerse',
  'rustEnvChattyEnglish',
  // Held out (fourteenth set), the same way.
  'pythonSqliteCroatian',
  'nodeCiPasteTerse',
  'cIniCatalanChatty',
  // Held out (fifteenth set), the same way.
  'pythonCsvLithuanian',
  'javaGitHurried',
  'nodeHttpPersian',
  // Held out (sixteenth set), the same way.
  'pythonAsyncqSlovak',
  'cMakeWindowsTerse',
  'jqPipelineLatvian',
  // Held out (seventeenth set), the same way.
  'perlTapIcelandicTerse',
  'nodeMemoIdeChatty',
  'rustClippyMexican',
  // Held out (eighteenth set), the same way.
  'javaCsvBrazilianRunOn',
  'pythonUvGermanTerse',
  'sqliteEtlJapaneseChatty',
  // Held out (nineteenth set), the same way.
  'pythonSqliteEstonianTerse',
  'nodeCliTaglishChatty',
  'cCmakeSpanishEnglish',
  // Held out (twentieth set), the same way.
  'cppSerbianChatty',
  'pythonVoiceDictation',
  'tclTaiwanCompactions',
  // Held out (twenty-first set), the same way.
  'rustWorkspaceBulgarianTerse',
  'javaAfrikaansChatty',
  'pythonMigrationSpecLead',
  // Held out (twenty-second set), the same way.
  'pythonHttpUzbekTerse',
  'awkReportBengaliChatty',
  'rustCliInterruptsEnglish',
  // Held out (twenty-third set), the same way.
  'pythonReconSwahiliChatty',
  'nodeKakeiboJapaneseCasual',
  'cppShabdHindiNoThinking',
  // Held out (twenty-fourth set), the same way.
  'pythonKazakhTerse',
  'nodeSqliteDenglischTurkish',
  'javaProdTracesShifting',
  // Held out (twenty-fifth set), the same way.
  'perlAcclogArmenianTerse',
  'pythonCacheRioplatenseChatty',
  'rustChecklistEnglish',
  // Held out (twenty-sixth set), the same way.
  'cValgrindGeorgianTerse',
  'nodeInrTanglishChatty',
  'pythonSqliteUrduMenu',
  // Held out (twenty-seventh set), the same way.
  'rustZalogaSlovenianTerse',
  'awkCsvAmharicChatty',
  'pythonJobqGoOnCompactions',
  // Held out (twenty-eighth set), the same way.
  'tclTallyMongolianTerse',
  'cHisabNepaliChatty',
  'nodeTabsumIdeImperative',
  // Held out (twenty-ninth set), the same way.
  'shTapBasqueTerse',
  'pythonPustakamMalayalamChatty',
  'cCmakeRenameEnglish',
  // Held out (thirtieth set), the same way.
  'cppStocWelshTerse',
  'pythonShabadPunjabiChatty',
  'rustCiPasteEnglish',
  // Held out (thirty-first set), the same way.
  'sqliteMigrateMacedonianTerse',
  'cAsanSinhalaChatty',
  'pytestCantoneseInterrupt',
  // Held out (thirty-second set), the same way.
  'perlAnbarAzerbaijaniTerse',
  'nodeGastosTagalogChatty',
  'pythonDevServerBackground',
  // Held out (thirty-third set), the same way.
  'javaBelarusianTerse',
  'pythonEtlGalicianChatty',
  'rustAgentsWorkspaceEnglish',
  // Held out (thirty-fourth set), the same way.
  'pythonSqliteIrishTerse',
  'rustOwoYorubaChatty',
  'nodeBisectRevertEnglish',
  // Held out (thirty-fifth set), the same way.
  'cMakeAlbanianTerse',
  'pythonPirtukSoraniChatty',
  'javaProdTracesEnglish',
];

export const scenarios = await Promise.all(
  names.map(async (name) => {
    const url = new URL(`./${name}.mjs`, import.meta.url);
    return { file: fileURLToPath(url), scenario: (await import(url.href)).scenario };
  }),
);
