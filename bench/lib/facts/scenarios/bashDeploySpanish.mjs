// A DevOps session in Spanish: the user pastes a failing CI job's log and asks for the staging deploy
// (a bash script driven by make) to be fixed. Tests run deploy.sh against stand-ins for the hosts'
// rsync 3.1.3 and ssh; `make lint` is `bash -n` over every script and stays red on a script the user
// said not to touch. The agent tries `rsync --mkpath` and takes it out again, amends the user's commit
// and is refused a `git push --force`, then adds a --dry-run mode whose output carries the sizes.
// The model thinks in English and answers in Spanish. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

// The built site the deploy uploads: deterministic files, so the dry run's figures are known here.
function buildFiles() {
  const files = { 'build/index.html': '<!doctype html>\n<title>Tienda</title>\n<script src="/assets/app.js"></script>\n' };
  for (let i = 1; i <= 11; i++) {
    files[`build/assets/chunk-${i}.js`] = `/* chunk ${i} */\n` + `export const part${i} = ${JSON.stringify('x'.repeat(180 + i * 37))};\n`.repeat(1 + (i % 4));
  }
  for (const page of ['contacto', 'envios', 'faq', 'legal']) {
    files[`build/${page}/index.html`] = `<!doctype html>\n<title>${page}</title>\n<main>${'<p>texto</p>'.repeat(40 + page.length * 3)}</main>\n`;
  }
  return files;
}

const BUILD = buildFiles();
const BUILD_BYTES = Object.values(BUILD).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const BUILD_KIB = (BUILD_BYTES / 1024).toFixed(1);

const DEPLOY =
  '#!/usr/bin/env bash\n# Sube build/ a todos los hosts de un entorno: deploy/deploy.sh <staging|production>\nset -euo pipefail\n\n' +
  'ENV_NAME="${1:?uso: deploy.sh <staging|production>}"\nHOSTS_FILE="deploy/hosts/${ENV_NAME}.txt"\nRSYNC="${RSYNC:-rsync}"\nSSH="${SSH:-ssh}"\n' +
  'REMOTE_ROOT="${REMOTE_ROOT:-/srv/app}"\n\necho "==> release"\nTAG=$(git describe --tags --abbrev=0)\n' +
  'RELEASE_DIR="${REMOTE_ROOT}/releases/${ENV_NAME}/${TAG}"\n\nwhile read -r host; do\n  echo "==> ${host}: ${RELEASE_DIR}"\n' +
  '  "$RSYNC" -az --delete build/ "${host}:${RELEASE_DIR}/"\ndone < "$HOSTS_FILE"\necho "==> listo: ${ENV_NAME} ${TAG}"\n';

const FAKE_RSYNC =
  '#!/usr/bin/env bash\n# Stand-in for the rsync 3.1.3 on the staging hosts: copies into $FAKE_REMOTE/<host>/<path>.\n' +
  'for a in "$@"; do\n  case "$a" in\n    --mkpath)\n      echo "rsync: --mkpath: unknown option" >&2\n' +
  '      echo "rsync error: syntax or usage error (code 1) at main.c(1587) [client=3.1.3]" >&2\n      exit 1 ;;\n  esac\ndone\n' +
  'src="${@: -2:1}"\ndest="${@: -1}"\nhost="${dest%%:*}"\npath="${dest#*:}"\npath="${path%/}"\n' +
  'if [ ! -d "$FAKE_REMOTE/$host$(dirname "$path")" ]; then\n  echo "rsync: mkdir \\"$path\\" failed: No such file or directory (2)" >&2\n' +
  '  echo "rsync error: error in file IO (code 11) at main.c(675) [Receiver=3.1.3]" >&2\n  exit 11\nfi\n' +
  'mkdir -p "$FAKE_REMOTE/$host$path"\ncp -R "$src". "$FAKE_REMOTE/$host$path/"\n';

const FAKE_SSH =
  '#!/usr/bin/env bash\n# Stand-in for ssh to a staging host: only `mkdir -p PATH`, run inside $FAKE_REMOTE/<host>.\n' +
  'while [ "${1#-}" != "$1" ]; do shift; done\nhost="$1"; shift\n' +
  '[ "$1 $2" = "mkdir -p" ] || { echo "fake ssh: only mkdir -p is supported" >&2; exit 255; }\nmkdir -p "$FAKE_REMOTE/$host$3"\n';

const TEST =
  '#!/usr/bin/env bash\n# deploy.sh staging against fake hosts (tests/bin: the hosts\' rsync and ssh).\nset -u\ncd "$(dirname "$0")/.."\n' +
  'chmod +x tests/bin/*\nFAKE_REMOTE=$(mktemp -d)\nexport FAKE_REMOTE\n' +
  'while read -r host; do mkdir -p "$FAKE_REMOTE/$host/srv/app/releases"; done < deploy/hosts/staging.txt\n' +
  'export RSYNC="$PWD/tests/bin/rsync" SSH="$PWD/tests/bin/ssh"\n' +
  'out=$(bash deploy/deploy.sh staging 2>&1)\ncode=$?\nprintf \'%s\\n\' "$out"\n' +
  'if [ "$code" -ne 0 ]; then echo "FAIL test_deploy: deploy.sh staging exited $code"; exit 1; fi\n' +
  'n=$(find "$FAKE_REMOTE" -type f | wc -l)\nif [ "$n" -eq 0 ]; then echo "FAIL test_deploy: nothing uploaded"; exit 1; fi\n' +
  'echo "ok test_deploy ($n files on the fake hosts)"\n';

const ROTATE =
  '#!/usr/bin/env bash\n# Rota los logs de la app. Lo mantiene el equipo de plataforma.\nset -eu\nLOG_DIR="${LOG_DIR:-/var/log/app}"\n' +
  'for f in "$LOG_DIR"/*.log; do\n  if [ -s "$f" ]; then\n    gzip -c "$f" > "$f.$(date +%F).gz"\n    : > "$f"\n  fi\n  fi\ndone\n';

const MAKEFILE =
  'ENV ?= staging\n\n.PHONY: lint test deploy\n\nlint:\n\t@for f in deploy/*.sh scripts/*.sh tests/*.sh; do bash -n "$$f" || exit 1; done; echo "lint ok"\n\n' +
  'test:\n\t@bash tests/test_deploy.sh\n\ndeploy:\n\tbash deploy/deploy.sh $(ENV)\n';

export const scenario = {
  name: 'bash-deploy-spanish',
  about: 'held out: Spanish DevOps user pastes a CI log; bash deploy script, make, bash -n lint; --mkpath tried and removed; git push --force refused',
  requires: ['bash', 'make', 'git'],
  files: {
    Makefile: MAKEFILE,
    'README.md':
      '# tienda-web deploy\n\n`make deploy ENV=staging` sube build/ a los hosts de deploy/hosts/<entorno>.txt.\n' +
      'En los hosts, el cron de limpieza borra las releases antiguas dentro de /srv/app/releases/<entorno>/.\n',
    'deploy/deploy.sh': DEPLOY,
    'deploy/hosts/staging.txt': 'web-1.staging\nweb-2.staging\n',
    'deploy/hosts/production.txt': 'web-1.prod\nweb-2.prod\nweb-3.prod\n',
    'scripts/rotate-logs.sh': ROTATE,
    'tests/test_deploy.sh': TEST,
    'tests/bin/rsync': FAKE_RSYNC,
    'tests/bin/ssh': FAKE_SSH,
    ...BUILD,
  },
  build(k, { edit, read }) {
    const fix = k.request('arreglar el deploy a staging');
    const platform = k.constraint('no toques scripts/rotate-logs.sh, es del equipo de plataforma');
    const bash42 = k.constraint('tiene que seguir funcionando con el bash 4.2 de los servidores');
    k.error('FAIL test_deploy: deploy.sh staging exited 128', 'resolved');
    const hash = k.decision(
      'fall back to the short commit hash when there is no tag',
      'the CI job clones with depth 1 and never fetches tags',
      'adding git fetch --tags to the CI job',
    );
    k.error('rsync error: error in file IO (code 11)', 'resolved');
    const mkpath = k.rejected('--mkpath', 'el rsync de los hosts es la 3.1.3 y no conoce --mkpath');
    k.error('rsync: --mkpath: unknown option');
    const mkdir = k.decision(
      'create the release directory over ssh with mkdir -p before each rsync',
      'the cleanup cron on the hosts expects one folder per environment under releases',
      'a flat releases/<env>-<tag> layout',
    );
    k.file('deploy/deploy.sh');
    k.error("scripts/rotate-logs.sh: line 10: syntax error near unexpected token `fi'", 'unresolved');
    k.check('make test', 'passing');
    k.check('make lint', 'failing');
    const refusal = k.refusal('no, nada de push --force: main está protegida y hay gente trabajando encima');
    const dry = k.request('añade una opción --dry-run al deploy que solo diga qué subiría a cada host');
    k.file('Makefile');
    k.number(String(BUILD_BYTES));
    k.number(BUILD_KIB);
    k.lastRequest(dry);
    k.not('constraints', fix, 'a request is not a standing rule');
    k.not('errors', 'main está protegida', "a user's refusal is not a tool error");
    k.not('rejected', dry, "the user's request is not a rejected approach");
    k.not('decisions', 'Lo reproduzco en local', 'an intention, not a decision');

    const first =
      'Hola. El deploy a staging falla desde ayer en CI, te pego el log del job:\n\n```\n$ make deploy ENV=staging\nbash deploy/deploy.sh staging\n==> release\n' +
      'fatal: No names found, cannot describe anything.\nmake: *** [Makefile:12: deploy] Error 128\nCleaning up project directory and file based variables\n' +
      'ERROR: Job failed: exit code 2\n```\n\n' +
      `¿Puedes ${fix}? Dos cosas: ${platform}. Y ${bash42}.`;
    const last = `Otra cosa: ${dry}, sin tocar nada. Y un target en el Makefile para lanzarlo.`;

    return [
      {
        user: first,
        model: [
          [
            think('git describe fails: the CI checkout has no tags. The test target runs deploy.sh against fake hosts, so I can reproduce it here.'),
            say('Lo reproduzco en local con `make test`, que lanza deploy.sh contra hosts falsos.'),
            bash('make test', 'Run the deploy test against the fake hosts'),
          ],
          [read('deploy/deploy.sh')],
          [read('README.md')],
          [
            think(
              `The release name comes from the latest tag. Either ${hash.alternative}, or ${hash.choice}. ` +
                `I'll ${hash.choice}: ${hash.reason}, and the release only needs to be unique, not pretty. git rev-parse works the same on bash 4.2.`,
            ),
            edit(
              'deploy/deploy.sh',
              'TAG=$(git describe --tags --abbrev=0)',
              'TAG=$(git describe --tags --abbrev=0 2>/dev/null || git rev-parse --short HEAD)',
            ),
          ],
          [bash('make test', 'Run the deploy test again')],
          [
            say('Ahora falla el rsync: en un host nuevo no existe el directorio del entorno. Pruebo con `--mkpath`, que crea la ruta que falte:'),
            edit('deploy/deploy.sh', '  "$RSYNC" -az --delete build/', `  "$RSYNC" -az ${mkpath.what} --delete build/`),
          ],
          [bash('make test', 'Run the deploy test with --mkpath')],
          [
            say(`Lo quito otra vez: ${mkpath.why}.`),
            edit('deploy/deploy.sh', `  "$RSYNC" -az ${mkpath.what} --delete build/`, '  "$RSYNC" -az --delete build/'),
          ],
          [
            think(
              `Without --mkpath the remote directory has to exist before rsync runs. Options: ${mkdir.alternative}, so rsync only creates the last level, or ${mkdir.choice}. ` +
                `The README says ${mkdir.reason}, so the layout stays and I'll ${mkdir.choice}. ssh -n so it does not eat the hosts file on stdin inside the while loop.`,
            ),
            edit('deploy/deploy.sh', '  "$RSYNC" -az --delete build/', '  "$SSH" -n "$host" mkdir -p "$RELEASE_DIR"\n  "$RSYNC" -az --delete build/'),
          ],
          [bash('make test', 'Run the deploy test again')],
          [bash('make lint', 'Syntax-check every script')],
          [
            say(
              'Arreglado:\n\n' +
                '- En CI el clon es superficial y no hay tags, así que `git describe` fallaba. Ahora, si no hay tag, la release usa el hash corto del commit.\n' +
                '- En un host nuevo faltaba el directorio del entorno bajo releases; ahora se crea con `ssh mkdir -p` antes de cada rsync.\n\n' +
                '`make test` pasa. `make lint` sigue fallando, pero por un error de sintaxis en scripts/rotate-logs.sh, que no he tocado.',
            ),
          ],
        ],
      },
      {
        user: 'Perfecto, gracias. Haz amend sobre mi último commit y súbelo.',
        refuse: { 'git push --force origin main': `${refusal}. Déjalo en local, lo subo yo con un PR` },
        model: [
          [bash('git add -A && git commit -q --amend --no-edit && git log --oneline -1', 'Amend the last commit')],
          [bash('git push --force origin main', 'Push the amended commit')],
          [say('Entendido, no hago push. El amend está hecho en local.')],
        ],
      },
      {
        user: last,
        model: [
          [
            think('Parse an optional second argument; in dry-run mode report per host what would be uploaded and skip ssh and rsync.'),
            edit(
              'deploy/deploy.sh',
              'HOSTS_FILE="deploy/hosts/${ENV_NAME}.txt"\n',
              'HOSTS_FILE="deploy/hosts/${ENV_NAME}.txt"\nDRY_RUN=0\nif [ "${2:-}" = "--dry-run" ]; then DRY_RUN=1; fi\n',
            ),
          ],
          [
            edit(
              'deploy/deploy.sh',
              '  echo "==> ${host}: ${RELEASE_DIR}"\n',
              '  echo "==> ${host}: ${RELEASE_DIR}"\n  if [ "$DRY_RUN" = 1 ]; then\n    files=$(find build -type f | wc -l)\n' +
                '    bytes=$(find build -type f -exec cat {} + | wc -c)\n' +
                '    echo "    (dry run) subiría ${files} ficheros, ${bytes} bytes ($(awk -v b="$bytes" \'BEGIN { printf "%.1f", b / 1024 }\') KiB)"\n' +
                '    continue\n  fi\n',
            ),
          ],
          [edit('Makefile', '.PHONY: lint test deploy\n', '.PHONY: lint test deploy deploy-dry\n')],
          [
            edit(
              'Makefile',
              'deploy:\n\tbash deploy/deploy.sh $(ENV)\n',
              'deploy:\n\tbash deploy/deploy.sh $(ENV)\n\ndeploy-dry:\n\tbash deploy/deploy.sh $(ENV) --dry-run\n',
            ),
          ],
          [bash('make deploy-dry ENV=staging', 'Dry-run the staging deploy')],
          [bash('make test', 'Run the deploy test')],
          [bash('make lint', 'Syntax-check every script')],
          [
            say(
              'Hecho. `make deploy-dry ENV=staging` (o `bash deploy/deploy.sh staging --dry-run`) dice, para cada host, cuántos ficheros y bytes subiría, sin ssh ni rsync.\n\n' +
                '`make test` sigue pasando; `make lint` sigue fallando solo por scripts/rotate-logs.sh.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Spanish-speaking user. Fixed the staging deploy (no tags in CI; missing release directory on fresh hosts), amended the commit, push refused, added a dry-run mode.',
          intent:
            'Fix the staging deploy that fails in CI, without touching scripts/rotate-logs.sh and staying compatible with bash 4.2. Then add a --dry-run option.',
          concepts: ['bash deploy script with set -euo pipefail', 'rsync 3.1.3 on the hosts', 'make targets lint/test/deploy'],
          files: [
            'deploy/deploy.sh: release name falls back to the commit hash; mkdir -p over ssh before rsync; --dry-run mode',
            'Makefile: new deploy-dry target',
          ],
          errors: [
            'git describe failed in CI because the checkout has no tags: fixed with a fallback',
            'rsync could not create the environment directory on a fresh host: fixed by creating it over ssh',
            'make lint fails on scripts/rotate-logs.sh (left alone on purpose)',
          ],
          solving: 'A newer rsync option was tried and removed because the hosts run an old rsync.',
          messages: [
            'The user pasted the CI log and asked to fix the staging deploy (do not touch rotate-logs.sh; bash 4.2)',
            '"Perfecto, gracias. Haz amend sobre mi último commit y súbelo."',
            'The user refused the force push; they will open a PR themselves',
            `"${last}"`,
          ],
          pending: [],
          current: 'Added --dry-run and the deploy-dry make target; make test passes.',
          next: 'None; wait for the user.',
        }),
      },
    ];
  },
};
