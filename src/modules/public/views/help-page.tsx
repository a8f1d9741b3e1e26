import { Layout, type PageContext } from "../../../ui/layout.tsx";

const questions: { question: string; answer: string }[] = [
  {
    question: "Как войти в личный кабинет?",
    answer:
      "Нажмите «Войти через Госуслуги» на главной странице и введите логин и пароль от Госуслуг. Нужна подтверждённая учётная запись.",
  },
  {
    question: "Что значит «Сессия истекла»?",
    answer:
      "Если в кабинете ничего не делать 30 минут, сеанс завершается, чтобы никто другой не увидел ваши данные. Войдите снова — введённые и сохранённые данные не пропадут.",
  },
  {
    question: "Как понять, что я вошёл в кабинет?",
    answer:
      "В шапке страницы видны ваши фамилия, имя и отчество, дата и время предыдущего входа и кнопка «Выйти».",
  },
  {
    question: "Какие браузеры поддерживаются?",
    answer:
      "Актуальные версии Яндекс Браузера, Chrome, Firefox, Safari и Edge на компьютере и телефоне. Кабинет работает и без JavaScript.",
  },
];

export function HelpPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Помощь">
      <h1>Помощь</h1>
      {questions.map((item) => (
        <section class="card" key={item.question}>
          <h2>{item.question}</h2>
          <p>{item.answer}</p>
        </section>
      ))}
    </Layout>
  );
}
