// What every form holds besides its values: the errors by field, the error of the whole form,
// and "saving". `save` runs the call and, when the core refuses, puts the error under the field
// it names (focusing it) or above the form. A new form needs its fields, its id scheme, and a call.
import { toApiError, type ApiError } from './api';
import { fieldOf, focusFirstError } from './forms';

export interface FormOptions<F extends string> {
  /** The fields in page order: the first with an error gets the focus. */
  fields: readonly F[];
  /** The id of a field's control. */
  idOf: (f: F) => string;
  /** The element the controls are in (the <form>). */
  root: () => ParentNode | null | undefined;
  /** Which field a core error is about, and what to say there; default: `<prefix>.<field>`. */
  place?: (e: ApiError) => { field: F; message: string } | null;
  /** The core's prefix for the default `place`: `goal` for `goal.title`. */
  prefix?: string;
}

export class FormState<F extends string> {
  errors = $state<Partial<Record<F, string>>>({});
  /** An error no field owns: shown above the form. */
  formError = $state<string | null>(null);
  saving = $state(false);

  private readonly opts: FormOptions<F>;

  constructor(opts: FormOptions<F>) {
    this.opts = opts;
  }

  /** Shows these errors (and only these), the focus on the first. */
  async show(errors: Partial<Record<F, string>>): Promise<void> {
    this.errors = errors;
    await focusFirstError(this.opts.root(), this.opts.fields, errors, this.opts.idOf);
  }

  /** Where a core error goes: under its field, or (undefined) above the form. */
  private place(e: ApiError): { field: F; message: string } | null {
    if (this.opts.place) return this.opts.place(e);
    const field = fieldOf(e.field, this.opts.prefix ?? '', this.opts.fields);
    return field ? { field, message: e.message } : null;
  }

  /**
   * Runs `call` unless a save is already running. Its answer on success (the errors cleared);
   * undefined when it failed, the error shown where it belongs.
   */
  async save<T>(call: () => Promise<T>): Promise<T | undefined> {
    if (this.saving) return undefined;
    this.formError = null;
    this.saving = true;
    try {
      const out = await call();
      this.errors = {};
      return out;
    } catch (x) {
      const e = toApiError(x);
      const at = this.place(e);
      if (at) {
        await this.show({ [at.field]: at.message } as Partial<Record<F, string>>);
      } else {
        this.errors = {};
        this.formError = e.message;
      }
      return undefined;
    } finally {
      this.saving = false;
    }
  }
}
