import { accessHandlers } from '../modules/access/handlers';
import { alertsHandlers } from '../modules/alerts/handlers';
import { apiKeysHandlers } from '../modules/api-keys/handlers';
import { approvalsHandlers } from '../modules/approvals/handlers';
import { auditHandlers } from '../modules/audit/handlers';
import { authHandlers } from '../modules/auth/handlers';
import { campaignsHandlers } from '../modules/campaigns/handlers';
import { customer360Handlers } from '../modules/customer-360/handlers';
import { customersHandlers } from '../modules/customers/handlers';
import { dashboardHandlers } from '../modules/dashboard/handlers';
import { dataQualityHandlers } from '../modules/data-quality/handlers';
import { duplicatesHandlers } from '../modules/duplicates/handlers';
import { exportsHandlers } from '../modules/exports/handlers';
import { importsHandlers } from '../modules/imports/handlers';
import { interactionsHandlers } from '../modules/interactions/handlers';
import { notificationsHandlers } from '../modules/notifications/handlers';
import { ordersHandlers } from '../modules/orders/handlers';
import { privacyHandlers } from '../modules/privacy/handlers';
import { retentionHandlers } from '../modules/retention/handlers';
import { segmentsHandlers } from '../modules/segments/handlers';
import { systemHandlers } from '../modules/system/handlers';
import { tagsHandlers } from '../modules/tags/handlers';
import { tasksHandlers } from '../modules/tasks/handlers';
import { triggersHandlers } from '../modules/triggers/handlers';
import { usersHandlers } from '../modules/users/handlers';
import { valueTiersHandlers } from '../modules/value-tiers/handlers';
import { workOrdersHandlers } from '../modules/workorders/handlers';
import type { Handlers } from './contract';

/** Every operation of the contract, by operationId. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...apiKeysHandlers,
  ...customersHandlers,
  ...auditHandlers,
  ...accessHandlers,
  ...privacyHandlers,
  ...retentionHandlers,
  ...alertsHandlers,
  ...importsHandlers,
  ...duplicatesHandlers,
  ...dataQualityHandlers,
  ...tasksHandlers,
  ...customer360Handlers,
  ...ordersHandlers,
  ...interactionsHandlers,
  ...workOrdersHandlers,
  ...notificationsHandlers,
  ...segmentsHandlers,
  ...valueTiersHandlers,
  ...triggersHandlers,
  ...campaignsHandlers,
  ...dashboardHandlers,
  ...exportsHandlers,
  ...approvalsHandlers,
  ...tagsHandlers,
};
