import type { User } from '@cims/api-client';
import { APPROVAL_POLICY_READ_ROLES } from '../approvals/approval-roles';
import {
  ACCESS_POLICY_READ_ROLES,
  AUDIT_LOG_ROLES,
  CAMPAIGN_ROLES,
  CUSTOMER_CREATE_ROLES,
  DASHBOARD_ROLES,
  DATA_QUALITY_ROLES,
  DUPLICATE_REVIEW_ROLES,
  hasAnyRole,
  IMPORT_ROLES,
  SEGMENT_ROLES,
  TAG_ROLES,
  TASK_ROLES,
  TRIGGER_ROLES,
  type TStaffRole,
  VALUE_TIER_ROLES,
  WORK_ORDER_ROLES,
  WORK_ORDER_SETTINGS_ROLES,
} from '../auth/roles';

/*
 * The main navigation as data: the daily work stays on the bar, the rest sits in two menus, as commercial
 * CRMs do it. Each entry carries the roles of the route it opens (app.tsx), so a link is offered exactly to
 * those who may open its page.
 */

export type TNavEntry = {
  /** Its i18n key; it also names the entry. */
  label: string;
  to: string;
  /** Who may open the page; `null` for everyone signed in. */
  roles: readonly TStaffRole[] | null;
  /** Current on exactly this path only: the customer list at `/` is not the parent of every page. */
  isEnd?: boolean;
  /** A create action rather than a place: drawn as a compact plus button on a wide bar. */
  isAction?: boolean;
};

export type TNavSection = {
  /** Its i18n key; a menu of one section needs no heading. */
  label?: string;
  entries: readonly TNavEntry[];
};

export type TNavMenu = {
  id: 'marketing' | 'manage';
  label: string;
  sections: readonly TNavSection[];
};

export const NAV_BAR: readonly TNavEntry[] = [
  { label: 'nav.dashboard', to: '/dashboard', roles: DASHBOARD_ROLES },
  { label: 'nav.customers', to: '/', roles: null, isEnd: true },
  { label: 'nav.newCustomer', to: '/customers/new', roles: CUSTOMER_CREATE_ROLES, isAction: true },
  { label: 'nav.segments', to: '/segments', roles: SEGMENT_ROLES },
  { label: 'nav.workOrders', to: '/work-orders', roles: WORK_ORDER_ROLES },
  { label: 'nav.tasks', to: '/tasks', roles: TASK_ROLES },
  { label: 'nav.approvals', to: '/approvals', roles: null },
];

export const NAV_MENUS: readonly TNavMenu[] = [
  {
    id: 'marketing',
    label: 'nav.marketing',
    sections: [
      {
        entries: [
          { label: 'nav.campaigns', to: '/campaigns', roles: CAMPAIGN_ROLES },
          { label: 'nav.triggers', to: '/triggers', roles: TRIGGER_ROLES },
          { label: 'nav.valueTiers', to: '/value-tiers', roles: VALUE_TIER_ROLES },
        ],
      },
    ],
  },
  {
    id: 'manage',
    label: 'nav.manage',
    sections: [
      {
        label: 'nav.sections.customerData',
        entries: [
          { label: 'nav.imports', to: '/imports', roles: IMPORT_ROLES },
          { label: 'nav.duplicates', to: '/duplicates', roles: DUPLICATE_REVIEW_ROLES },
          { label: 'nav.dataQuality', to: '/data-quality', roles: DATA_QUALITY_ROLES },
        ],
      },
      {
        label: 'nav.sections.access',
        entries: [
          { label: 'nav.accessPolicies', to: '/access-policies', roles: ACCESS_POLICY_READ_ROLES },
          { label: 'nav.users', to: '/users', roles: ACCESS_POLICY_READ_ROLES },
          { label: 'nav.approvalPolicies', to: '/approvals/policies', roles: APPROVAL_POLICY_READ_ROLES },
          { label: 'nav.audit', to: '/audit', roles: AUDIT_LOG_ROLES },
        ],
      },
      {
        label: 'nav.sections.configuration',
        entries: [
          { label: 'tags.navLink', to: '/tags', roles: TAG_ROLES },
          { label: 'nav.workOrderSettings', to: '/work-orders/settings', roles: WORK_ORDER_SETTINGS_ROLES },
        ],
      },
    ],
  },
];

export type TVisibleNav = { bar: TNavEntry[]; menus: TNavMenu[] };

/** What a user is offered: the entries their roles allow, without the sections and menus left empty. */
export function visibleNav(user: Pick<User, 'roles'> | null | undefined): TVisibleNav {
  if (!user) return { bar: [], menus: [] };
  const isAllowed = (entry: TNavEntry) => entry.roles === null || hasAnyRole(user, entry.roles);
  const menus = NAV_MENUS.map((menu) => ({
    ...menu,
    sections: menu.sections
      .map((section) => ({ ...section, entries: section.entries.filter(isAllowed) }))
      .filter((section) => section.entries.length > 0),
  })).filter((menu) => menu.sections.length > 0);
  return { bar: NAV_BAR.filter(isAllowed), menus };
}

export function menuEntries(menu: TNavMenu): TNavEntry[] {
  return menu.sections.flatMap((section) => section.entries);
}

function isAtOrBelow(pathname: string, entry: TNavEntry): boolean {
  if (pathname === entry.to) return true;
  return !entry.isEnd && pathname.startsWith(`${entry.to}/`);
}

/**
 * The one entry the page belongs to: the deepest one whose path the page is at or below, so that the
 * work-order settings (in a menu) are current at /work-orders/settings rather than 工单 on the bar.
 */
export function currentNavEntry(nav: TVisibleNav, pathname: string): TNavEntry | undefined {
  const entries = [...nav.bar, ...nav.menus.flatMap(menuEntries)];
  return entries
    .filter((entry) => isAtOrBelow(pathname, entry))
    .reduce<TNavEntry | undefined>(
      (deepest, entry) => (deepest && deepest.to.length >= entry.to.length ? deepest : entry),
      undefined,
    );
}
