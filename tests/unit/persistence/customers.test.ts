import { describe, expect, it } from 'vitest';
import { ensureCustomer } from '../../../src/persistence/customers';
import { createCustomer } from '../factories';
import { NOW, loadWorkspace, uniqueName } from './harness';

describe('ensureCustomer: one customer per name, whatever the spacing, case or Unicode form', () => {
  it('finds an existing customer, creates a missing one once, and ignores archived ones and blank names', async () => {
    const workspace = await loadWorkspace(uniqueName('customers'));
    const kim = createCustomer({ id: 'kim', name: '김 지현' });
    const lee = createCustomer({ id: 'lee-old', name: 'Lee Min', archived: true });
    workspace.put('customers', kim);
    workspace.put('customers', lee);
    let n = 0;
    const newId = () => `new-${++n}`;

    expect(ensureCustomer(workspace, '  김 지현 '.normalize('NFD'), NOW, newId)).toBe('kim');
    expect(ensureCustomer(workspace, 'lee  min', NOW, newId)).toBe('new-1');
    expect(workspace.getState().data.customers.get('new-1')).toMatchObject({
      name: 'lee  min',
      archived: false,
    });
    // The second time the new customer is found, not created again.
    expect(ensureCustomer(workspace, 'LEE MIN', NOW, newId)).toBe('new-1');
    expect(ensureCustomer(workspace, '   ', NOW, newId)).toBeNull();
    expect(workspace.getState().data.customers.size).toBe(3);
  });
});
