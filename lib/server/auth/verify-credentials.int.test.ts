import { describe, expect, it } from 'vitest';
import { MAX_FAILURES } from './throttle';
import { verifyCredentials } from './verify-credentials';

describe('verifyCredentials', () => {
  it('signs in a demo user with the tenant and role from the database', async () => {
    const user = await verifyCredentials({ email: 'Manager@Acme.test', password: 'binwise-demo' }, 'test-ok');
    expect(user).toMatchObject({ email: 'manager@acme.test', role: 'MANAGER', tenantName: 'Acme Print Co.' });
  });

  it('gives the same clear message for an unknown email and a wrong password', async () => {
    await expect(verifyCredentials({ email: 'nobody@acme.test', password: 'x' }, 'test-a')).rejects.toThrow('Email or password is incorrect.');
    await expect(verifyCredentials({ email: 'ops@acme.test', password: 'wrong' }, 'test-b')).rejects.toThrow('Email or password is incorrect.');
  });

  it('rejects malformed input with a message that names the problem', async () => {
    await expect(verifyCredentials({ email: 'not-an-email', password: 'x' }, 'test-c')).rejects.toThrow('Enter a valid email address');
    await expect(verifyCredentials({ email: 'ops@acme.test' }, 'test-c')).rejects.toThrow();
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const email = 'admin@northwind.test';
    for (let attempt = 0; attempt < MAX_FAILURES; attempt += 1) {
      await expect(verifyCredentials({ email, password: `wrong-${attempt}` }, `client-${attempt}`)).rejects.toThrow('Email or password is incorrect.');
    }
    await expect(verifyCredentials({ email, password: 'binwise-demo' }, 'client-fresh')).rejects.toThrow(/Too many failed sign-ins\. Try again in \d+ minutes?\./);
  });
});
