import {
  Anchor,
  Button,
  Input,
  NativeSelect,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { Link, Navigate } from 'react-router';
import type { AccountKind } from '../../../shared/contracts/identity';
import { ApiError, fieldReason } from '../../app/api';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/error-alert';
import { FullPageLoader } from '../../ui/full-page-loader';
import { AuthLayout } from './auth-layout';
import { countries } from './countries';
import { useMe, useSignUp } from './identity-api';

type Field = 'accountName' | 'name' | 'email' | 'password';
const MIN_PASSWORD = 12;

const kindOptions = [
  { value: 'practice', label: 'Accounting practice' },
  { value: 'business', label: 'Business' },
];

function isKind(value: string): value is AccountKind {
  return value === 'practice' || value === 'business';
}

export function SignUpPage() {
  const me = useMe();
  const signUp = useSignUp();
  const [kind, setKind] = useState<AccountKind>('practice');
  const [values, setValues] = useState<Record<Field, string>>({
    accountName: '',
    name: '',
    email: '',
    password: '',
  });
  const [country, setCountry] = useState('GB');
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  if (me.isPending) return <FullPageLoader />;
  if (me.data) return <Navigate to="/" replace />;

  function set(field: Field) {
    return (event: { currentTarget: HTMLInputElement }) => {
      const value = event.currentTarget.value;
      setValues((v) => ({ ...v, [field]: value }));
    };
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (values.accountName.trim() === '') errors.accountName = 'Is required';
    if (values.name.trim() === '') errors.name = 'Is required';
    if (values.email.trim() === '') errors.email = 'Is required';
    if (values.password.length < MIN_PASSWORD)
      errors.password = `Must be at least ${MIN_PASSWORD} characters`;
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    signUp.mutate({ kind, ...values, email: values.email.trim(), country });
  }

  const error = signUp.error;
  const reason = (field: Field | 'country') =>
    (field === 'country' ? undefined : local[field]) ?? fieldReason(error, field);
  const onlyFieldReasons =
    error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length > 0;
  const accountWord = kind === 'practice' ? 'Practice' : 'Business';

  return (
    <AuthLayout
      width={520}
      title="Start your free trial"
      subtitle="Create a login and your first Docket account. You can add more accounts to the same login later."
      footer={
        <>
          Already using Docket?{' '}
          <Anchor component={Link} to={paths.signIn} size="sm">
            Sign in
          </Anchor>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate aria-label="Start your free trial">
        <Stack gap="md">
          {error && !onlyFieldReasons && <ErrorAlert error={error} title="Could not create your account" />}
          <Input.Wrapper
            label="Who is this account for?"
            description={
              kind === 'practice'
                ? 'Accountants and bookkeepers who look after clients’ books.'
                : 'A business that sends in its own receipts, bills and invoices.'
            }
            id="account-kind"
            labelElement="div"
          >
            <SegmentedControl
              mt={6}
              fullWidth
              aria-labelledby="account-kind-label"
              value={kind}
              onChange={(value) => {
                if (isKind(value)) setKind(value);
              }}
              data={kindOptions}
            />
          </Input.Wrapper>
          <TextInput
            label={`${accountWord} name`}
            required
            autoComplete="organization"
            value={values.accountName}
            onChange={set('accountName')}
            error={reason('accountName')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              label="Your name"
              required
              autoComplete="name"
              value={values.name}
              onChange={set('name')}
              error={reason('name')}
            />
            <NativeSelect
              label="Country"
              value={country}
              onChange={(e) => {
                setCountry(e.currentTarget.value);
              }}
              data={countries}
              error={reason('country')}
            />
          </SimpleGrid>
          <TextInput
            label="Email"
            type="email"
            required
            autoComplete="email"
            value={values.email}
            onChange={set('email')}
            error={reason('email')}
          />
          <PasswordInput
            label="Password"
            description={`${MIN_PASSWORD} to 128 characters. A short sentence is easy to remember.`}
            required
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
            error={reason('password')}
          />
          <Button type="submit" fullWidth loading={signUp.isPending} mt="xs">
            Create {kind === 'practice' ? 'practice' : 'business'} account
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Your data stays on this Docket server.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
