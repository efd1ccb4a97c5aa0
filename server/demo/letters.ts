// A bank of invented letters to self for the demo cohort, written the way Year 6 pupils write them
// (spelling and all). Every letter is synthetic. The mix is what a school sees: mostly ordinary
// nerves and excitement, a few frightened or quietly unhappy letters (some from pupils whose data look
// fine: the hidden ones), and two that disclose harm and must reach the DSL.

export type LetterTone = 'excited' | 'nerves' | 'frightened' | 'safeguarding'

export interface DemoLetter {
  tone: LetterTone
  write(name: string): string
}

const letter = (tone: LetterTone, write: (name: string) => string): DemoLetter => ({ tone, write })

export const EXCITED_LETTERS: DemoLetter[] = [
  letter('excited', (n) => `Dear future ${n}, I can't wait for secondary school! I want to try out for the football team and I really want to do science in a proper lab with bunsen burners. I hope you have made loads of new friends by now. Remember to keep practising your keepy uppies. From ${n}`),
  letter('excited', (n) => `Hi me. By the time you read this you will be in year 7!!! I am so excited to learn new languages, my cousin says you get to do Spanish. I love drawing and I want to join an art club. Be brave and say yes to things. Love ${n}`),
  letter('excited', (n) => `Dear ${n}, I hope secondary is as good as I think it will be. I like coding and making games on the computer and I want to learn proper programming. I also like playing basketball at the park with my brother. Dont forget your PE kit! ${n}`),
  letter('excited', (n) => `Dear future self, I am really looking forward to drama because I love acting and being on stage. I was the narrator in our year 6 play. I want to be in the school show. I also love singing. Keep being you. From ${n}`),
  letter('excited', (n) => `To ${n} in year 7. I'm excited about the library because it is massive and I love reading fantasy books. I hope there is a book club. I also want to learn to cook properly in food tech. Stay kind. ${n}`),
  letter('excited', (n) => `Dear me, secondary school is going to be amazing. I do gymnastics three times a week and I want to do dance too. My best friend is going to the same school so we will be together. I hope we are in the same form. ${n}`),
  letter('excited', (n) => `Hello future ${n}. I like animals more than anything, we have two rabbits and a dog called Biscuit. I want to be a vet when I grow up so I need to be good at science. I'm excited to meet new people. Bye!`),
  letter('excited', (n) => `Dear ${n}, I hope you are enjoying maths because it is my favourite subject. I like building things with lego and I want to be an engineer. I'm looking forward to D&T and making things in the workshop. From your past self`),
  letter('excited', (n) => `Dear future me. I play cricket for a club on saturdays and I hope the school has a team. I'm also good at running. I'm a bit nervous but mostly excited. My mum says I will be fine. See you soon ${n}`),
  letter('excited', (n) => `Hi ${n}! I want to join the choir and learn the guitar. Music is the best thing ever. I hope the teachers are nice and let us do fun projects. Remember to have fun and not worry to much.`)
]

export const NERVES_LETTERS: DemoLetter[] = [
  letter('nerves', (n) => `Dear future ${n}, I am a bit nervous about getting lost because the school is so big and there are lots of corridors. I like swimming and I go to a club on tuesdays. I hope I can find my classes. From ${n}`),
  letter('nerves', (n) => `dear me. i am worried about homework because there is alot more in secondary. i like football and fifa. i hope i dont get detentions for forgetting stuff. bye ${n}`),
  letter('nerves', (n) => `Dear ${n}, I'm nervous about making new friends because none of my class are going to my school. I like reading and drawing. I hope someone sits with me at lunch on the first day. ${n}`),
  letter('nerves', (n) => `To future me, I am a bit scared of the older kids because they are so tall. My brother says they don't really bother you. I love playing netball and I hope I get in the team. Be confident! ${n}`),
  letter('nerves', (n) => `Dear future self, I'm worried about the bus because I've never gone on my own before. I like history, especially the Romans, and I like making models. I hope I remember everything. ${n}`),
  letter('nerves', (n) => `Hello ${n}. I'm a little bit worried about changing for PE in front of everyone. I like art and baking cakes with my nan. I'm looking forward to having different teachers for different subjects. From me`),
  letter('nerves', (n) => `Dear me in year 7, I hope I'm organised and I remember my timetable and all my books. I get nervous about being late. I like gaming and science. I hope the work isn't too hard. ${n}`),
  letter('nerves', (n) => `Dear ${n}, I'm worried I will miss my old teachers and my friends from primary. I like dancing and playing with my little sister. I hope secondary is good. Try your best. ${n}`),
  letter('nerves', (n) => `dear future me i am nervous about the food at lunch and the queue because i am a fussy eater. i like martial arts, i am a yellow belt. i hope i make friends. from ${n}`),
  letter('nerves', (n) => `Dear ${n}, I'm a bit worried about the teachers being strict and shouting. I like nature and going on walks with my dad and looking for birds. I hope I'm happy at secondary. ${n}`)
]

/** Frightened or quietly unhappy: high concern, no disclosure of harm. */
export const FRIGHTENED_LETTERS: DemoLetter[] = [
  letter('frightened', (n) => `Dear future ${n}. I'm really scared about going to secondary. I can't sleep thinking about it and I feel sick every morning. I don't think anyone will like me. I don't really have any friends now either. I hope it gets better.`),
  letter('frightened', (n) => `Dear me. I don't know what to write. I don't really like anything anymore. I just want to stay at home. Everyone at my old school was mean to me and I think it will be the same. ${n}`),
  letter('frightened', (n) => `To ${n}. I get really worried about everything, like all the time, and my heart goes fast. I'm scared I will get lost and cry in front of everyone and they will laugh at me. I used to like drawing. Please be ok.`),
  letter('frightened', (n) => `Dear future self, I feel like nobody listens to me. I'm always on my own at break. I try to be happy but it's hard. I don't think secondary will be any different. I like my cat. ${n}`),
  letter('frightened', (n) => `dear ${n} i am scared to go because i was bullied in year 5 and year 6 and the same people are going. i dont want to go. i cry alot about it. i like football but i dont play anymore.`),
  letter('frightened', (n) => `Dear me, since mum has been poorly I have to help a lot at home and I'm always tired. I worry about her when I'm at school. I'm scared I won't keep up. I used to love reading. ${n}`)
]

/** Two letters that disclose harm. In a real school these go to the DSL the same day. */
export const SAFEGUARDING_LETTERS: DemoLetter[] = [
  letter('safeguarding', (n) => `Dear future ${n}. I'm looking forward to art. But I don't like being at home. When my stepdad gets angry he hits me and my mum and I have bruises on my arm. I haven't told anyone. I hope secondary school is a safe place.`),
  letter('safeguarding', (n) => `Dear me. Sometimes when everything gets too much I hurt myself on purpose so I feel better. Nobody knows. I'm scared about secondary. I like singing in my room. ${n}`)
]
