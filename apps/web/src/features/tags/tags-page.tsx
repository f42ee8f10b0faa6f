import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConfirmButton } from '../../components/confirm-button';
import { QueryTable } from '../../components/query-table';
import { isApiError } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { useDeleteTag, useTags } from './queries';
import { TagChip } from './tag-chip';
import { TagForm } from './tag-form';
import { customersWithTagHref, type TTag, tagColorOf } from './tag-values';

function KindBadge({ tag }: { tag: TTag }) {
  const { t } = useTranslation();
  if (!tag.isDefined) return <span className="badge badge--warning">{t('tags.undefined')}</span>;
  return (
    <span className={`badge ${tag.kind === 'automatic' ? 'badge--primary' : 'badge--muted'}`}>
      {t(`tags.kinds.${tag.kind}`)}
    </span>
  );
}

/** Why a delete failed: customers still carry the tag (409, with the API's count), or anything else. */
function deleteProblem(t: TFunction, error: unknown, name: string): string {
  if (!isApiError(error)) return t('errors.network');
  if (error.status === 409)
    return t('tags.deleteInUse', { name, detail: error.problem.detail ?? error.problem.title });
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('tags.deleteMissing', { name });
  return t('errors.generic');
}

/**
 * 标签: every defined tag and every tag in use, with how many customers (in the caller's scope) carry it.
 * Admins and marketing define them (colour, description, manual or automatic) and delete unused ones.
 */
export function TagsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const tags = useTags({ isFresh: true });
  const deleteTag = useDeleteTag();
  const canDefine = useCanCall('defineTag');
  const canDelete = useCanCall('deleteTag');
  // Whose form is open: a listed tag, or (`tag: null`) a new one.
  const [editing, setEditing] = useState<{ tag: TTag | null } | null>(null);
  const definedNames = new Set((tags.data ?? []).filter((tag) => tag.isDefined).map((tag) => tag.name));

  const columns = [
    t('tags.name'),
    t('tags.color'),
    t('tags.description'),
    t('tags.kind'),
    t('tags.customerCount'),
    ...(canDefine || canDelete ? [t('tags.actions')] : []),
  ];

  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('tags.title')}</h1>
        {canDefine && (
          <button type="button" className="button button--primary" onClick={() => setEditing({ tag: null })}>
            {t('tags.new')}
          </button>
        )}
      </div>
      <p className="page-intro muted">{t('tags.intro')}</p>
      {editing && (
        <TagForm
          key={editing.tag?.name ?? ''}
          tag={editing.tag}
          definedNames={definedNames}
          onDone={() => setEditing(null)}
        />
      )}
      {deleteTag.isError && (
        <div className="banner banner--error" role="alert">
          {deleteProblem(t, deleteTag.error, deleteTag.variables)}{' '}
          <Link to={customersWithTagHref(deleteTag.variables)}>{t('tags.showCustomers')}</Link>
        </div>
      )}
      {deleteTag.isSuccess && (
        <p className="banner banner--success" role="status">
          {t('tags.deleted', { name: deleteTag.variables })}
        </p>
      )}
      <QueryTable
        query={tags}
        loadFailed={t('tags.loadFailed')}
        empty={t('tags.empty')}
        caption={t('tags.title')}
        columns={columns}
      >
        {(items) =>
          items.map((tag) => {
            const color = tagColorOf(tag);
            return (
              <tr key={tag.name}>
                <th scope="row" data-label={t('tags.name')}>
                  <TagChip name={tag.name} color={color} />
                </th>
                <td data-label={t('tags.color')} className="nowrap">
                  {tag.isDefined ? (
                    <span>
                      <span
                        className="segment-swatch"
                        style={{ backgroundColor: color }}
                        aria-hidden="true"
                      />
                      {color}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={t('tags.description')}>{tag.description ?? '—'}</td>
                <td data-label={t('tags.kind')}>
                  <KindBadge tag={tag} />
                </td>
                <td data-label={t('tags.customerCount')}>
                  {tag.customerCount > 0 ? (
                    <Link
                      to={customersWithTagHref(tag.name)}
                      aria-label={t('tags.customersWith', { count: tag.customerCount, name: tag.name })}
                    >
                      {format.number(tag.customerCount)}
                    </Link>
                  ) : (
                    format.number(0)
                  )}
                </td>
                {(canDefine || canDelete) && (
                  <td className="data-table__actions">
                    <div className="button-row">
                      {canDefine && (
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t(tag.isDefined ? 'tags.editNamed' : 'tags.defineNamed', {
                            name: tag.name,
                          })}
                          onClick={() => {
                            deleteTag.reset();
                            setEditing({ tag });
                          }}
                        >
                          {tag.isDefined ? t('common.edit') : t('tags.define')}
                        </button>
                      )}
                      {canDelete && tag.isDefined && (
                        <ConfirmButton
                          label={t('tags.delete')}
                          question={t('tags.confirmDelete', { name: tag.name })}
                          confirmLabel={t('tags.confirmDeleteButton')}
                          isPending={deleteTag.isPending}
                          onConfirm={() => {
                            setEditing(null);
                            deleteTag.mutate(tag.name);
                          }}
                        />
                      )}
                    </div>
                  </td>
                )}
              </tr>
            );
          })
        }
      </QueryTable>
    </div>
  );
}
