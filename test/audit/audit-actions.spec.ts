import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_SUBJECTS } from '../../src/core/audit';
import { AUDIT_FAMILIES } from '../../web/src/features/audit/families';

const ROOT = join(__dirname, '..', '..');
const ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);
const FAMILIES = [...new Set([...AUDIT_ACTIONS.map((action) => action.split('.')[0]!), ...AUDIT_SUBJECTS])];

/**
 * The writers' modules: every `family.verb` literal there is an audit action. Publishers are left
 * out (their error codes, `webhook.no_url`, and OAuth scopes, `media.write`, look the same).
 */
function writerSources(): Array<{ file: string; text: string }> {
  const src = join(ROOT, 'src');
  return (readdirSync(src, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .filter((file) => !/^(generated|publishers)\//.test(file) && file !== join('core', 'audit', 'audit-actions.ts'))
    .map((file) => ({ file, text: readFileSync(join(src, file), 'utf8') }));
}

/** Actions built from a template: what each can become (the engine's outcome: src/publishing/failure-policy.ts NextStep). */
const TEMPLATES: Record<string, string[]> = {
  'target.${step.kind}': ['target.retry', 'target.failed', 'target.unconfirmed', 'target.park-account'],
};

const family = FAMILIES.join('|');
const LITERAL = new RegExp(`['"\`]((?:${family})\\.[a-z_-]+)['"\`]`, 'g');
const TEMPLATE = new RegExp(`\`((?:${family})\\.\\$\\{[^}]+\\})\``, 'g');

type Texts = {
  actions: Record<string, Record<string, string>>;
  subjects: Record<string, string>;
  families: Record<string, string>;
};
const texts = (language: 'id' | 'en') =>
  JSON.parse(readFileSync(join(ROOT, 'web', 'src', 'i18n', language, 'audit.json'), 'utf8')) as Texts;

describe('the audit action list', () => {
  const sources = writerSources();

  it('holds every action the writers record', () => {
    const used = new Map<string, string>();
    for (const { file, text } of sources) for (const [, action] of text.matchAll(LITERAL)) used.set(action!, file);
    const missing = [...used].filter(([action]) => !ACTIONS.has(action)).map(([action, file]) => `${action} (${file})`);
    expect(missing).toEqual([]);
    // And nothing stale: each listed action is written somewhere (as a literal or through a template).
    const built = Object.values(TEMPLATES).flat();
    expect(AUDIT_ACTIONS.filter((action) => !used.has(action) && !built.includes(action))).toEqual([]);
  });

  it('knows what each action built from a template can become', () => {
    const templates = new Set<string>();
    for (const { text } of sources) for (const [, template] of text.matchAll(TEMPLATE)) templates.add(template!);
    expect([...templates]).toEqual(Object.keys(TEMPLATES));
    expect(
      Object.values(TEMPLATES)
        .flat()
        .filter((action) => !ACTIONS.has(action)),
    ).toEqual([]);
  });

  it.each(['id', 'en'] as const)(
    'is named in the web desk (%s): every action, subject and filter family',
    (language) => {
      const json = texts(language);
      const named = (action: string) => {
        const [group, verb] = action.split('.') as [string, string];
        return typeof json.actions[group]?.[verb] === 'string' && json.actions[group][verb].length > 0;
      };
      expect(AUDIT_ACTIONS.filter((action) => !named(action))).toEqual([]);
      expect(AUDIT_SUBJECTS.filter((subject) => !json.subjects[subject])).toEqual([]);
      // The "what" filter offers every family an action belongs to, each with its name.
      const actionFamilies = [...new Set(AUDIT_ACTIONS.map((action) => action.split('.')[0]!))];
      expect(actionFamilies.filter((f) => !(AUDIT_FAMILIES as readonly string[]).includes(f))).toEqual([]);
      expect(AUDIT_FAMILIES.filter((f) => !json.families[f])).toEqual([]);
      // No text for an action or subject that no longer exists.
      const keys = Object.entries(json.actions).flatMap(([group, verbs]) =>
        Object.keys(verbs).map((v) => `${group}.${v}`),
      );
      expect(keys.filter((key) => !ACTIONS.has(key))).toEqual([]);
      expect(Object.keys(json.subjects).filter((s) => !(AUDIT_SUBJECTS as readonly string[]).includes(s))).toEqual([]);
    },
  );
});
