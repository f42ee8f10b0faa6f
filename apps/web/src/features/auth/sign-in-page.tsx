import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { type ApiError, isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { LanguageSwitch } from '../shell/language-switch';
import { type TSignInInput, useSession, useSignIn } from './queries';

function bannerKeyFor(error: ApiError): string {
  if (error.status === 401) return 'auth.errors.invalidCredentials';
  if (error.status === 429) return 'auth.errors.tooManyAttempts';
  return 'errors.generic';
}

export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const signIn = useSignIn();
  const [banner, setBanner] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TSignInInput>({ defaultValues: { email: '', password: '' } });

  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (session.data) return <Navigate to={from} replace />;

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      await signIn.mutateAsync(values);
    } catch (error) {
      if (!isApiError(error)) {
        setBanner(t('errors.network'));
        return;
      }
      applyFieldErrors({
        error,
        setError,
        isRenderedField: (path) => path === 'email' || path === 'password',
      });
      setBanner(t(bannerKeyFor(error)));
    }
  });

  return (
    <div className="auth-page">
      <div className="auth-page__language">
        <LanguageSwitch />
      </div>
      <main className="auth-card">
        <div className="brand brand--large" aria-hidden="true">
          <span className="brand__mark">C</span>
          <span className="brand__name">CIMS</span>
        </div>
        <h1 className="auth-card__title">{t('auth.signInTitle')}</h1>
        <p className="auth-card__subtitle">{t('app.tagline')}</p>
        {banner && (
          <div className="banner banner--error" role="alert">
            {banner}
          </div>
        )}
        <form onSubmit={onSubmit} noValidate className="form-stack">
          <div className="field">
            <label htmlFor="sign-in-email">{t('auth.email')}</label>
            <input
              id="sign-in-email"
              type="email"
              autoComplete="username"
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? 'sign-in-email-error' : undefined}
              {...register('email', { required: t('validation.required') })}
            />
            {errors.email && (
              <p id="sign-in-email-error" className="field__error" role="alert">
                {errors.email.message}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="sign-in-password">{t('auth.password')}</label>
            <input
              id="sign-in-password"
              type="password"
              autoComplete="current-password"
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? 'sign-in-password-error' : undefined}
              {...register('password', { required: t('validation.required') })}
            />
            {errors.password && (
              <p id="sign-in-password-error" className="field__error" role="alert">
                {errors.password.message}
              </p>
            )}
          </div>
          <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
            {isSubmitting ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </form>
      </main>
    </div>
  );
}
