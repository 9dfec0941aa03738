import type { UseFormRegister } from 'react-hook-form';
import type { CustomerDetails } from '../../domain/tracker/tracker';
import { TextField } from '../../components/text-field';
import { useI18n } from '../../lib/i18n';

/** The name, company, phone and email fields of a customer form, with their messages. */
export function CustomerFields({
  register,
  errorAt,
}: {
  register: UseFormRegister<CustomerDetails>;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useI18n();
  return (
    <div className="grid-2">
      <TextField label={t('customers.name')} maxLength={120} error={errorAt('name')} {...register('name')} />
      <TextField label={t('customers.company')} maxLength={120} {...register('company')} />
      <TextField
        label={t('customers.phone')}
        type="tel"
        maxLength={40}
        error={errorAt('phone')}
        {...register('phone')}
      />
      <TextField
        label={t('customers.email')}
        type="email"
        maxLength={254}
        error={errorAt('email')}
        {...register('email')}
      />
    </div>
  );
}
