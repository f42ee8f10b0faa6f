import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryTable } from '../../components/query-table';
import { useFormatters } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { isDownloadable, isExportActive, shownStatus, type TExport } from './export-request';
import { ExportProgress, ExportStatusBadge } from './export-status';
import { approvalHref, exportFileHref, useExports } from './queries';

/**
 * 我的导出: the caller's exports of the last 30 days with their state, read again while one is being
 * written, and the download while the file is kept (24 hours).
 */
export function ExportsPage() {
  const { t } = useTranslation();
  const exportsQuery = useExports();
  const columns = ['createdAt', 'source', 'format', 'status', 'rows', 'expiresAt', 'file'].map((column) =>
    t(`exports.columns.${column}`),
  );
  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('exports.title')}</h1>
      </div>
      <p className="page-intro">{t('exports.intro')}</p>
      <QueryTable
        query={exportsQuery}
        loadFailed={t('exports.loadFailed')}
        empty={t('exports.empty')}
        caption={t('exports.title')}
        columns={columns}
      >
        {(items) => items.map((item) => <ExportRow key={item.id} item={item} columns={columns} />)}
      </QueryTable>
    </div>
  );
}

function ExportRow({ item, columns }: { item: TExport; columns: string[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const canReadApprovals = useCanCall('listApprovals');
  const label = (index: number) => columns[index] ?? '';
  return (
    <tr>
      <td data-label={label(0)}>
        <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
        <div className="muted">{item.reason}</div>
      </td>
      <td data-label={label(1)}>{t(`exports.sources.${item.source}`)}</td>
      <td data-label={label(2)}>{t(`exports.formats.${item.format}`)}</td>
      <td data-label={label(3)}>
        <ExportStatusBadge status={shownStatus(item, new Date())} />
        {item.status === 'awaiting_approval' && canReadApprovals && (
          <div>
            <Link to={approvalHref(item)}>{t('exports.openApprovals')}</Link>
          </div>
        )}
        {item.status === 'failed' && item.error && <div className="field__error">{item.error}</div>}
      </td>
      <td data-label={label(4)}>
        {isExportActive(item.status) ? <ExportProgress item={item} /> : format.number(item.rows)}
      </td>
      <td data-label={label(5)}>
        {item.expiresAt ? <time dateTime={item.expiresAt}>{format.dateTime(item.expiresAt)}</time> : '—'}
      </td>
      <td data-label={label(6)}>
        {isDownloadable(item, new Date()) ? (
          <a href={exportFileHref(item.id)} download={item.fileName ?? ''}>
            {t('exports.downloadFile', { fileName: item.fileName ?? '' })}
          </a>
        ) : (
          '—'
        )}
        {item.status === 'ready' && item.fileSize !== null && (
          <div className="muted">{format.fileSize(item.fileSize)}</div>
        )}
      </td>
    </tr>
  );
}
