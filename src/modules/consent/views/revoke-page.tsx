import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";

export function RevokePage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Отзыв согласия">
      <div class="notice-page">
        <h1>Отозвать согласие на обработку персональных данных?</h1>
        <p class="lead">
          После отзыва доступ к личному кабинету закроется. Чтобы снова работать в кабинете, нужно будет
          заново подключить сервис ФРМР и подтвердить согласие кодом из SMS.
        </p>
        <p>
          Сведения регистра ФРМР, которые ведутся в соответствии с законодательством, при этом не удаляются.
        </p>
        <PostForm action="/lk/consent/revoke" csrfToken={ctx.csrfToken}>
          <FormActions label="Отозвать согласие" variant="danger" cancelHref="/lk/settings" />
        </PostForm>
      </div>
    </Layout>
  );
}
