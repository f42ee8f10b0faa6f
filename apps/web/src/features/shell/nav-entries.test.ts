import { describe, expect, it } from 'vitest';
import type { TStaffRole } from '../auth/roles';
import { currentNavEntry, menuEntries, NAV_BAR, NAV_MENUS, visibleNav } from './nav-entries';

/** What a user with these roles is offered: the bar's labels, and each menu's. */
function offered(roles: TStaffRole[]) {
  const nav = visibleNav({ roles });
  return {
    bar: nav.bar.map((entry) => entry.label),
    menus: Object.fromEntries(
      nav.menus.map((menu) => [menu.id, menuEntries(menu).map((entry) => entry.label)]),
    ),
  };
}

describe('main navigation', () => {
  it('offers the administrator every destination, each once', () => {
    const { bar, menus } = offered(['admin']);
    const all = [...NAV_BAR, ...NAV_MENUS.flatMap(menuEntries)];
    expect([...bar, ...Object.values(menus).flat()].sort()).toEqual(all.map((entry) => entry.label).sort());
    expect(new Set(all.map((entry) => entry.to)).size).toBe(all.length);
  });

  it('offers sales their daily work, marketing and the customer-data tools', () => {
    expect(offered(['sales'])).toEqual({
      bar: [
        'nav.dashboard',
        'nav.customers',
        'nav.newCustomer',
        'nav.segments',
        'nav.workOrders',
        'nav.tasks',
        'nav.approvals',
      ],
      menus: {
        marketing: ['nav.campaigns', 'nav.triggers', 'nav.valueTiers'],
        manage: ['nav.imports', 'nav.duplicates', 'nav.dataQuality', 'tags.navLink'],
      },
    });
  });

  it('renders no marketing menu for service, whose manage menu holds only the tags', () => {
    expect(offered(['service'])).toEqual({
      bar: [
        'nav.dashboard',
        'nav.customers',
        'nav.newCustomer',
        'nav.workOrders',
        'nav.tasks',
        'nav.approvals',
      ],
      menus: { manage: ['tags.navLink'] },
    });
  });

  it('offers marketing the marketing menu, and imports but no duplicate review', () => {
    expect(offered(['marketing'])).toEqual({
      bar: ['nav.dashboard', 'nav.customers', 'nav.segments', 'nav.tasks', 'nav.approvals'],
      menus: {
        marketing: ['nav.campaigns', 'nav.triggers', 'nav.valueTiers'],
        manage: ['nav.imports', 'nav.dataQuality', 'tags.navLink'],
      },
    });
  });

  it('offers compliance and auditors the access and audit pages, but not the work-order settings', () => {
    const compliance = [
      'nav.accessPolicies',
      'nav.users',
      'nav.approvalPolicies',
      'nav.audit',
      'tags.navLink',
    ];
    expect(offered(['compliance'])).toEqual({
      bar: ['nav.dashboard', 'nav.customers', 'nav.segments', 'nav.workOrders', 'nav.approvals'],
      menus: { manage: ['nav.dataQuality', ...compliance] },
    });
    expect(offered(['auditor'])).toEqual({
      bar: ['nav.customers', 'nav.workOrders', 'nav.approvals'],
      menus: { manage: compliance },
    });
  });

  it('joins what several roles allow, in the order of the menus', () => {
    expect(offered(['service', 'auditor']).menus.manage).toEqual([
      'nav.accessPolicies',
      'nav.users',
      'nav.approvalPolicies',
      'nav.audit',
      'tags.navLink',
    ]);
  });

  it('drops the sections left empty', () => {
    const manage = visibleNav({ roles: ['service'] }).menus.find((menu) => menu.id === 'manage');
    expect(manage?.sections.map((section) => section.label)).toEqual(['nav.sections.configuration']);
  });

  it('offers nothing without a user', () => {
    expect(visibleNav(undefined)).toEqual({ bar: [], menus: [] });
  });
});

describe('current navigation entry', () => {
  const currentAt = (roles: TStaffRole[], pathname: string) =>
    currentNavEntry(visibleNav({ roles }), pathname)?.label;

  it('is the deepest entry the page is at or below', () => {
    expect(currentAt(['admin'], '/work-orders')).toBe('nav.workOrders');
    expect(currentAt(['admin'], '/work-orders/stats')).toBe('nav.workOrders');
    expect(currentAt(['admin'], '/work-orders/settings')).toBe('nav.workOrderSettings');
    expect(currentAt(['admin'], '/approvals/policies')).toBe('nav.approvalPolicies');
    expect(currentAt(['admin'], '/approvals/0f0e')).toBe('nav.approvals');
    expect(currentAt(['admin'], '/duplicates/merges')).toBe('nav.duplicates');
  });

  it('counts only the entries the user is offered', () => {
    expect(currentAt(['service'], '/work-orders/settings')).toBe('nav.workOrders');
  });

  it('holds the customer list to its own path', () => {
    expect(currentAt(['admin'], '/')).toBe('nav.customers');
    expect(currentAt(['admin'], '/customers/new')).toBe('nav.newCustomer');
    expect(currentAt(['admin'], '/customers/0f0e')).toBeUndefined();
    expect(currentAt(['admin'], '/segments-archive')).toBeUndefined();
  });
});
