// Spelling and length are not distress (LETTERS.md, "Fairness").
import t from 'tap'
import { analyseLetter } from '../../server/letters/analyser'

const summary = (text: string) => {
  const a = analyseLetter(text)
  return { concern: a.concern, worries: a.worries.map((w) => w.theme), interests: [...new Set(a.interests.map((i) => i.interest))].sort(), safeguarding: a.safeguarding.map((s) => s.category) }
}

t.test('a misspelled happy letter scores like its well-spelled twin', async (t) => {
  const twins: Array<[string, string]> = [
    ["Dear me, I like football and FIFA. It's going to be great!", 'dear me i lik fotball and fifa its gonna be gr8'],
    ["I'm so excited. I love drawing and my friends.", 'im sooo exited. i luv drawing and my frends'],
    ['I want to join the netball team. Can\'t wait!', 'i wanna join the netbal team cant wait'],
  ]
  for (const [spelled, misspelled] of twins) t.same(summary(misspelled), summary(spelled), misspelled)
})

t.test('a misspelled worry scores like its well-spelled twin', async (t) => {
  t.same(summary('im scard i will get lost'), summary("I'm scared I will get lost."))
  t.same(summary('im nervus about making frends'), summary("I'm nervous about making friends."))
})

t.test('three short lines are not flagged for brevity', async (t) => {
  for (const letter of ['Hi me.\nI am happy.\nSee you soon.', 'Hello me.\nYear 7 soon.\nBye.', 'dear me\nok\nbye']) {
    t.same(summary(letter), { concern: 'none', worries: [], interests: [], safeguarding: [] }, letter)
  }
})

t.test('an empty letter is no concern', async (t) => {
  t.same(summary(''), { concern: 'none', worries: [], interests: [], safeguarding: [] })
})
