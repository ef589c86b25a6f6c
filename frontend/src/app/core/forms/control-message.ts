/**
 * The message under a form field for its current validation errors (Angular's
 * `ValidationErrors` shape). A server message (`server`) wins over client-side checks.
 * `noun` names the value in lower case ("title", "email address").
 */
export function controlMessage(
  noun: string,
  errors: Readonly<Record<string, unknown>> | null | undefined,
  choose = false,
): string | null {
  if (!errors) {
    return null;
  }
  const server = errors['server'];
  if (typeof server === 'string' && server !== '') {
    return server;
  }
  if (errors['required']) {
    const article = /^[aeiou]/i.test(noun) ? 'an' : 'a';
    return `${choose ? 'Choose' : 'Enter'} ${article} ${noun}`;
  }
  if (errors['email']) {
    return 'Enter a valid email address, like name@example.com';
  }
  const maxLength = errors['maxlength'] as { requiredLength?: number } | undefined;
  if (maxLength) {
    return maxLength.requiredLength !== undefined
      ? `Use at most ${maxLength.requiredLength} characters`
      : `This ${noun} is too long`;
  }
  if (errors['httpUrl']) {
    return 'Enter a web address starting with http:// or https://';
  }
  if (errors['pick']) {
    return `Choose ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun} from the list`;
  }
  return `This ${noun} is not valid`;
}
