import assert from "node:assert/strict";
import { test } from "node:test";
import { renderToString } from "preact-render-to-string";
import { ActionButton, FormActions, PostForm } from "./actions.tsx";
import { ConfirmPage } from "./confirm-page.tsx";
import { CheckboxGroup, Fieldset, RadioGroup, SelectField, TextAreaField } from "./fields.tsx";
import { binder, DateField, ErrorSummary, TextField } from "./form.tsx";
import { SummaryList } from "./summary-list.tsx";
import { DataTable } from "./table.tsx";
import { testPageContext } from "./test-context.ts";

const ctx = testPageContext({ csrfToken: "token-1", path: "/x" });

test("a field with an error points its control at the hint and the error, and the summary links to it", () => {
  const form = { values: { inn: "12" }, errors: [{ field: "inn", message: "ИНН — 12 цифр" }] };
  const bind = binder(form, "edu");
  const html = renderToString(
    <div>
      <ErrorSummary errors={form.errors} idPrefix="edu" />
      <TextField {...bind("inn")} label="ИНН" hint="12 цифр" />
    </div>,
  );
  assert.match(html, /href="#field-edu-inn"/);
  assert.match(html, /<label for="field-edu-inn">ИНН<\/label>/);
  assert.match(html, /id="field-edu-inn"[^>]*aria-invalid="true"/);
  assert.match(html, /aria-describedby="field-edu-inn-hint field-edu-inn-error"/);
  assert.match(html, /value="12"/);
  assert.match(html, /class="field field--error"/);
});

test("two forms with the same field names get distinct ids through the prefix", () => {
  const html = renderToString(
    <div>
      <DateField name="desiredDate" label="Дата" value="" idPrefix="a" />
      <DateField name="desiredDate" label="Дата" value="" idPrefix="b" />
    </div>,
  );
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
  assert.equal(new Set(ids).size, ids.length);
  assert.match(html, /type="date"[^>]*class="input--short"|class="input--short"[^>]*type="date"/);
});

test("select, text area and choice groups keep their values and name their group in a legend", () => {
  const html = renderToString(
    <Fieldset legend="Паспорт">
      <SelectField
        name="kind"
        label="Вид"
        value="b"
        placeholder="Выберите"
        options={[
          { value: "a", label: "А" },
          { value: "b", label: "Б" },
        ]}
      />
      <TextAreaField name="note" label="Комментарий" value="<текст>" />
      <RadioGroup name="g" legend="Пол" value="F" options={[{ value: "F", label: "Женский" }]} />
      <CheckboxGroup
        name="r"
        legend="Права"
        values={["x"]}
        error="Выберите право"
        options={[{ value: "x", label: "X" }]}
      />
    </Fieldset>,
  );
  assert.match(html, /<legend>Паспорт<\/legend>/);
  assert.match(html, /<option value(="")?>Выберите<\/option>/);
  assert.match(html, /value="b" selected/);
  assert.match(html, /&lt;текст>/);
  assert.match(html, /type="radio" name="g" value="F" checked/);
  assert.match(
    html,
    /<fieldset class="field choices field--error" id="field-r" aria-describedby="field-r-error">/,
  );
});

test("post forms carry the CSRF token and the confirm page asks before acting", () => {
  const html = renderToString(
    <ConfirmPage
      ctx={ctx}
      title="Отзыв"
      question="Отозвать заявку № 3?"
      action="/lk/applications/3/withdraw"
      cancelHref="/lk/applications/3"
      variant="danger"
      facts={[{ label: "Заявка", value: "№ 3" }, false]}
    >
      <p>Отозванную заявку нельзя вернуть.</p>
    </ConfirmPage>,
  );
  assert.match(html, /<h1>Отозвать заявку № 3\?<\/h1>/);
  assert.match(html, /<form method="post" action="\/lk\/applications\/3\/withdraw" novalidate>/);
  assert.match(html, /name="_csrf" value="token-1"/);
  assert.match(html, /class="button button--danger">Подтвердить<\/button>/);
  assert.match(html, /<a href="\/lk\/applications\/3">Отмена<\/a>/);
  const button = renderToString(
    <ActionButton action="/a" csrfToken="t" label="Взять" hidden={{ id: "5" }} />,
  );
  assert.match(button, /name="id" value="5"/);
  const form = renderToString(
    <PostForm action="/b" csrfToken="t" multipart>
      <FormActions label="Загрузить" />
    </PostForm>,
  );
  assert.match(form, /action="\/b\?_csrf=t"[^>]*enctype="multipart\/form-data"/);
  assert.doesNotMatch(form, /name="_csrf"/);
});

test("the summary list names the row in its «Изменить» link and the table labels stacked cells", () => {
  const list = renderToString(
    <SummaryList
      rows={[{ label: "Специальность", value: "Терапия", changeHref: "/edit#spec" }, undefined]}
    />,
  );
  assert.match(
    list,
    /<dt>Специальность<\/dt><dd>Терапия <a class="summary-change" href="\/edit#spec">Изменить<span class="visually-hidden"> \(специальность\)<\/span><\/a><\/dd>/,
  );
  const table = renderToString(
    <DataTable
      caption="Документы"
      stacked
      rows={[{ name: "a.pdf" }]}
      rowKey={(row) => row.name}
      columns={[{ label: "Файл", cell: (row) => row.name }]}
    />,
  );
  assert.match(table, /<th scope="col">Файл<\/th>/);
  assert.match(table, /<td data-label="Файл">a.pdf<\/td>/);
  const empty = renderToString(
    <DataTable caption="Документы" rows={[]} rowKey={() => ""} columns={[]} empty="Документов нет." />,
  );
  assert.equal(empty, "<p>Документов нет.</p>");
});
