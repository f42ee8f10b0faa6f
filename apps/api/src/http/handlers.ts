import { accessHandlers } from '../modules/access/handlers';
import { alertsHandlers } from '../modules/alerts/handlers';
import { apiKeysHandlers } from '../modules/api-keys/handlers';
import { auditHandlers } from '../modules/audit/handlers';
import { authHandlers } from '../modules/auth/handlers';
import { customersHandlers } from '../modules/customers/handlers';
import { privacyHandlers } from '../modules/privacy/handlers';
import { retentionHandlers } from '../modules/retention/handlers';
import { systemHandlers } from '../modules/system/handlers';
import { usersHandlers } from '../modules/users/handlers';
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
};
