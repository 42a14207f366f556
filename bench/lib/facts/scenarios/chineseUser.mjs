// A user writing in Chinese on a python export script; the agent thinks in English and answers in
// Chinese. Errors in the tool output are partly Chinese too.
import { bash, ccSummary, say, think } from '../kit.mjs';

export const scenario = {
  name: 'chinese-user',
  about: 'Chinese user text, python export + unittest, thinking in English, Chinese answers',
  requires: ['python3'],
  files: {
    'orders.json':
      JSON.stringify([
        { id: 1, createdAt: '2025-03-02T08:15:00', customer: '王芳' },
        { id: 2, createdAt: '2025-03-03T09:00:00', customer: '李雷' },
      ]) + '\n',
    'export.py':
      "import json\nfrom datetime import datetime\n\n\ndef rows():\n    for o in json.load(open('orders.json', encoding='utf-8')):\n        created = datetime.fromisoformat(o['created_at'])\n        yield o['id'], created.strftime('%d/%m/%Y'), o['customer']\n\n\n" +
      "if __name__ == '__main__':\n    for r in rows():\n        print(*r, sep=',')\n    print('导出 %d 条订单，用时 %.2f 秒' % (3000 + 118, 0.84))\n",
    'check_encoding.py': "import sys\nsys.stderr.write('EncodingError: 第 42 行的客户名称不是有效的 UTF-8\\n')\nsys.exit(1)\n",
  },
  build(k, { edit, write }) {
    const dates = k.request('把导出的日期格式改成 YYYY-MM-DD');
    const schema = k.constraint('不要修改数据库结构');
    k.error("KeyError: 'created_at'", 'resolved');
    const iso = k.decision('isoformat() on the date part', 'one call cannot be mistyped the way a format string can', "strftime('%Y-%m-%d')");
    k.file('export.py');
    k.number('3118');
    k.number('0.84');
    const unitTest = k.request('给导出加一个单元测试');
    const testsDir = k.constraint('测试文件放在 tests/ 目录下');
    k.file('tests/test_export.py');
    const arrow = k.rejected('import arrow', 'the server has no arrow package and datetime is enough');
    k.error('EncodingError: 第 42 行的客户名称不是有效的 UTF-8', 'unresolved');
    k.check('python3 -m unittest', 'passing');
    k.lastRequest(unitTest);
    k.not('rejected', unitTest, "the user's request is not a rejected approach");
    k.not('numbers', '2025-03-02', 'a date in the data is not a measurement');

    return [
      {
        user: `你好！请${dates}。${schema}，只改导出脚本。`,
        model: [
          [think('Run the export as it is.'), bash('python3 export.py', '运行导出')],
          [
            think(`The JSON key is createdAt, not created_at. For the format: ${iso.choice} instead of ${iso.alternative}, because ${iso.reason}.`),
            edit(
              'export.py',
              "        created = datetime.fromisoformat(o['created_at'])\n        yield o['id'], created.strftime('%d/%m/%Y'), o['customer']",
              "        created = datetime.fromisoformat(o['createdAt'])\n        yield o['id'], created.date().isoformat(), o['customer']",
            ),
          ],
          [bash('python3 export.py | tail -3', '再次运行导出')],
          [say('已修复：字段名改为 createdAt，日期格式现在是 YYYY-MM-DD。数据库结构没有改动。')],
        ],
      },
      {
        user: `谢谢！再${unitTest}。${testsDir}。`,
        model: [
          [think('Maybe arrow makes date assertions simpler.'), bash(`python3 -c "${arrow.what}"`, '检查 arrow')],
          [
            say(`不用 arrow：${arrow.why}.`),
            write(
              'tests/test_export.py',
              "import os\nimport sys\nimport unittest\n\nsys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))\nimport export\n\n\nclass ExportTest(unittest.TestCase):\n    def test_iso_dates(self):\n        self.assertEqual(next(export.rows())[1], '2025-03-02')\n\n\nif __name__ == '__main__':\n    unittest.main()\n",
            ),
          ],
          [bash('python3 -m unittest discover -s tests -v', '运行单元测试')],
          [bash('python3 check_encoding.py', '检查编码')],
          [say('单元测试已添加并通过。编码检查仍然报错：第 42 行的客户名称编码有问题，需要你确认数据来源。')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Chinese-speaking user. Export date format fixed, unit test added, encoding check fails.',
          intent: '将导出的日期格式改为 YYYY-MM-DD（不修改数据库结构，只改导出脚本），然后为导出添加单元测试（放在 tests/ 目录）。',
          concepts: ['Python datetime', 'unittest'],
          files: ['export.py: uses createdAt and ISO dates', 'tests/test_export.py: new unit test for the date format'],
          errors: [
            'export.py failed with a KeyError (created_at vs createdAt); fixed',
            'arrow is not installed; used datetime',
            'check_encoding.py reports an invalid customer name on line 42',
          ],
          solving: 'Export now prints ISO dates; about 3,100 orders exported in under a second.',
          messages: [`"你好！请${dates}。${schema}，只改导出脚本。"`, `"谢谢！再${unitTest}。${testsDir}。"`],
          pending: ['Encoding problem in a customer name (line 42)'],
          current: 'Ran the encoding check, which fails.',
          next: 'Ask the user where the data on line 42 comes from.',
        }),
      },
    ];
  },
};
