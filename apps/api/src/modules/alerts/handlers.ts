import type { OperationHandler } from '../../http/contract';
import { auditContextOf } from '../audit/service';
import {
  acknowledgeSecurityAlert,
  evaluateAnomalyRules,
  getAnomalySettings,
  listSecurityAlerts,
  updateAnomalySettings,
} from './service';

export const alertsHandlers: {
  listSecurityAlerts: OperationHandler<'listSecurityAlerts'>;
  evaluateSecurityAlerts: OperationHandler<'evaluateSecurityAlerts'>;
  acknowledgeSecurityAlert: OperationHandler<'acknowledgeSecurityAlert'>;
  getAnomalySettings: OperationHandler<'getAnomalySettings'>;
  updateAnomalySettings: OperationHandler<'updateAnomalySettings'>;
} = {
  async listSecurityAlerts(request) {
    return { items: await listSecurityAlerts(request.server.db, request.query.status) };
  },
  async evaluateSecurityAlerts(request) {
    return evaluateAnomalyRules(request.server.db);
  },
  async acknowledgeSecurityAlert(request) {
    return acknowledgeSecurityAlert(request.server.db, auditContextOf(request), request.params.alertId);
  },
  async getAnomalySettings(request) {
    return getAnomalySettings(request.server.db);
  },
  async updateAnomalySettings(request) {
    return updateAnomalySettings(request.server.db, auditContextOf(request), request.body);
  },
};
