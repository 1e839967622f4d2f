import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ITEM_KINDS,
  type ItemInput,
  type ItemKind,
  type ModuleInput,
} from '../../../../../../shared/training/content.ts';
import { FormAlert, SelectField, TextField } from '../../../../forms/fields.tsx';
import {
  addModule,
  moveItem,
  moveModule,
  putItem,
  removeItem,
  removeModule,
  renameModule,
} from '../../authoring.ts';
import { blankItemForm, itemForm } from '../../authoring-items.ts';
import { ItemEditor } from './ItemEditor.tsx';
import { ModuleTitleForm } from './ModuleTitleForm.tsx';
import { MoveButtons } from './MoveButtons.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { saveErrorText } from './save-error.ts';

/**
 * Which item form is open, by keys (the server gives every saved module and item one), so a
 * reorder while a form is open keeps it on its item: an item, or a new one (`item: null`).
 */
type Editing = { module: string; item: string | null; kind: ItemKind } | null;

/** After a change, focus goes back to the control the author used. */
function focusLater(selector: string) {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`[data-focus="${selector}"]`)?.focus(),
  );
}

/**
 * The draft's modules and their items: add, rename, remove and reorder modules; add, edit,
 * remove and reorder items. Each change is saved at once as the whole `modules` list, and the
 * page shows the draft the server answers with.
 */
export function ModulesEditor({
  modules,
  onSave,
}: {
  modules: ModuleInput[];
  onSave: (modules: ModuleInput[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [alert, setAlert] = useState<string | null>(null);
  // A ref, not state: a second press before React re-renders must not send twice.
  const busy = useRef(false);

  /** Saves `next`; on success focus goes to `focus`, on refusal the reason is shown. */
  const change = async (next: ModuleInput[], focus?: string): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setAlert(null);
    try {
      await onSave(next);
      if (focus) focusLater(focus);
      return true;
    } catch (error) {
      setAlert(saveErrorText(t, error));
      return false;
    } finally {
      busy.current = false;
    }
  };
  /** Item forms save through here: their own form shows a refusal. */
  const saveItem = async (
    moduleKey: string,
    itemKey: string | null,
    item: ItemInput,
    focus: string,
  ) => {
    const moduleIndex = modules.findIndex((module) => module.key === moduleKey);
    const found =
      moduleIndex < 0
        ? -1
        : (modules[moduleIndex]?.items ?? []).findIndex((i) => i.key === itemKey);
    await onSave(putItem(modules, moduleIndex, found < 0 ? null : found, item));
    setEditing(null);
    focusLater(focus);
  };

  return (
    <div className="training-modules-editor">
      <FormAlert message={alert} />
      {modules.length === 0 && <p>{t('training.authoring.noModules')}</p>}
      {modules.map((module, m) => {
        const moduleKey = module.key ?? '';
        const moduleId = `module-${moduleKey}`;
        const moduleName = module.title;
        return (
          <section
            key={module.key ?? m}
            className="panel training-module-editor"
            aria-labelledby={moduleId}
          >
            <h3 id={moduleId}>
              {t('training.course.module', { number: m + 1, title: module.title })}
            </h3>
            <div className="training-authoring-actions">
              <MoveButtons
                name={moduleName}
                focusId={`${moduleId}-move`}
                first={m === 0}
                last={m === modules.length - 1}
                onMove={(delta) =>
                  void change(
                    moveModule(modules, m, delta),
                    `${moduleId}-move-${delta < 0 ? 'up' : 'down'}`,
                  )
                }
              />
              <RemoveButton
                name={moduleName}
                title={t('training.authoring.removeModuleTitle', { title: moduleName })}
                text={t('training.authoring.removeModuleText')}
                onConfirm={() => onSave(removeModule(modules, m))}
              />
            </div>
            <ModuleTitleForm
              title={module.title}
              label={t('training.authoring.moduleTitle', { number: m + 1 })}
              onSave={(title) => onSave(renameModule(modules, m, title))}
            />
            <ol className="training-items">
              {module.items.map((item, i) => {
                const itemId = `${moduleId}-item-${item.key ?? i}`;
                const open = editing?.module === moduleKey && editing.item === item.key;
                if (open)
                  return (
                    <li key={item.key ?? i}>
                      <ItemEditor
                        initial={itemForm(item)}
                        heading={t('training.authoring.item.editHeading', { title: item.title })}
                        serverPrefix={`modules.${m}.items.${i}.`}
                        onSave={(next) =>
                          saveItem(moduleKey, item.key ?? null, next, `${itemId}-edit`)
                        }
                        onCancel={() => {
                          setEditing(null);
                          focusLater(`${itemId}-edit`);
                        }}
                      />
                    </li>
                  );
                return (
                  <li key={item.key ?? i} className="training-item training-item-authoring">
                    <span>
                      <strong>{item.title}</strong>{' '}
                      <span className="training-meta">{t(`training.kind.${item.kind}`)}</span>
                    </span>
                    <span className="training-authoring-actions">
                      <button
                        type="button"
                        className="small"
                        data-focus={`${itemId}-edit`}
                        aria-label={t('training.authoring.editNamed', { name: item.title })}
                        onClick={() =>
                          setEditing({ module: moduleKey, item: item.key ?? null, kind: item.kind })
                        }
                      >
                        {t('training.authoring.edit')}
                      </button>
                      <MoveButtons
                        name={item.title}
                        focusId={`${itemId}-move`}
                        first={i === 0}
                        last={i === module.items.length - 1}
                        onMove={(delta) =>
                          void change(
                            moveItem(modules, m, i, delta),
                            `${itemId}-move-${delta < 0 ? 'up' : 'down'}`,
                          )
                        }
                      />
                      <RemoveButton
                        name={item.title}
                        title={t('training.authoring.removeItemTitle', { title: item.title })}
                        text={t('training.authoring.removeItemText')}
                        onConfirm={() => onSave(removeItem(modules, m, i))}
                      />
                    </span>
                  </li>
                );
              })}
            </ol>
            {editing?.module === moduleKey && editing.item === null ? (
              <ItemEditor
                initial={blankItemForm(editing.kind)}
                heading={t('training.authoring.item.newHeading', {
                  kind: t(`training.kind.${editing.kind}`),
                })}
                serverPrefix={`modules.${m}.items.${module.items.length}.`}
                onSave={(item) => saveItem(moduleKey, null, item, `${moduleId}-add`)}
                onCancel={() => {
                  setEditing(null);
                  focusLater(`${moduleId}-add`);
                }}
              />
            ) : (
              <AddItem
                focusId={`${moduleId}-add`}
                onAdd={(kind) => setEditing({ module: moduleKey, item: null, kind })}
              />
            )}
          </section>
        );
      })}
      <AddModule onAdd={(title) => change(addModule(modules, title))} />
    </div>
  );
}

function AddItem({ focusId, onAdd }: { focusId: string; onAdd: (kind: ItemKind) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ItemKind>('reading');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd(kind);
  };
  return (
    <form className="form training-add-item" onSubmit={submit}>
      <SelectField
        label={t('training.authoring.addItemKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as ItemKind)}
      >
        {ITEM_KINDS.map((value) => (
          <option key={value} value={value}>
            {t(`training.kind.${value}`)}
          </option>
        ))}
      </SelectField>
      <div className="form-actions">
        <button type="submit" data-focus={focusId}>
          {t('training.authoring.addItem')}
        </button>
      </div>
    </form>
  );
}

function AddModule({ onAdd }: { onAdd: (title: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setProblem(t('forms.problems.required'));
      return;
    }
    setProblem(undefined);
    if (await onAdd(title)) setTitle('');
  };
  return (
    <form className="form training-add-module" noValidate onSubmit={(e) => void submit(e)}>
      <TextField
        label={t('training.authoring.newModule')}
        value={title}
        maxLength={160}
        error={problem}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit">{t('training.authoring.addModule')}</button>
      </div>
    </form>
  );
}
