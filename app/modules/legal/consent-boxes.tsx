import { Link } from '@remix-run/react';
import type { FormReplyData } from '~/components/form';
import { useI18n } from '~/lib/i18n';

/**
 * The two consents, both unticked: the texts the service needs, and the optional
 * news. Used by sign-up and by the page that asks again after a new version.
 */
export function ConsentBoxes({ reply }: { reply?: FormReplyData }) {
  const { t } = useI18n();
  const error = reply?.errors?.agree;
  return (
    <fieldset className="consents">
      <legend>{t('legal.consent.legend')}</legend>
      <div className="check">
        <input
          id="consent-agree"
          type="checkbox"
          name="agree"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'consent-agree-error' : undefined}
        />
        <label htmlFor="consent-agree">
          {t('legal.consent.agree')} (<Link to="/terms">{t('legal.terms.title')}</Link>,{' '}
          <Link to="/privacy">{t('legal.privacy.title')}</Link>)
        </label>
      </div>
      {error ? (
        <span id="consent-agree-error" className="field-error">
          {t(error)}
        </span>
      ) : null}
      <div className="check">
        <input id="consent-news" type="checkbox" name="unionNews" />
        <label htmlFor="consent-news">{t('legal.consent.news')}</label>
      </div>
    </fieldset>
  );
}
