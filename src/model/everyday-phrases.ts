import type { Language } from './lure-phrases.ts';

/**
 * Ordinary mail people and organisations send each other, in the project's own words: the
 * counterweight to the lure generator, so the model learns what lures ask for rather than
 * what short or html mail looks like. Several entries deliberately use lure vocabulary
 * (invoice, password, account, document) in their everyday, harmless sense.
 */
export interface EverydayTopic {
  subjects: string[];
  bodies: string[];
}

export const EVERYDAY: Record<Language, EverydayTopic[]> = {
  en: [
    {
      subjects: ['lunch', 'Lunch tomorrow?', 'coffee later?', 'Re: lunch'],
      bodies: [
        'See you at noon.',
        'Are you free for lunch tomorrow? The new place on {street} is supposed to be good.',
        'Sure, 12:30 works for me.',
        'Running ten minutes late, order without me.',
      ],
    },
    {
      subjects: ['Meeting notes {date}', 'Re: project sync', 'Agenda for Thursday', 'Moving our 1:1', 'Call on {date}'],
      bodies: [
        'Thanks everyone for joining today. Notes are below; the next sync is on {date}.',
        'Can we move our 1:1 to Thursday afternoon? Something came up on Wednesday.',
        'Agenda: 1) status of the {project} migration 2) hiring 3) budget for next quarter. Add anything I missed.',
        'I booked the small meeting room for {hours} pm. Bring the latest numbers if you have them.',
      ],
    },
    {
      subjects: ['Slides from today', 'Report for {month}', 'Draft for review', 'Re: the proposal', 'Updated spreadsheet'],
      bodies: [
        'Attached are the slides from this morning. Let me know if anything is unclear.',
        'Here is the draft of the {month} report. Comments welcome before Friday, no rush.',
        'I went through the proposal and left a few comments in the margin. Overall it looks good.',
        'The spreadsheet now includes the figures from the second quarter. I fixed the totals in column F.',
      ],
    },
    {
      subjects: ['Thanks!', 'Thank you for yesterday', 'Great work on the release', 'Welcome to the team'],
      bodies: [
        'Thanks a lot for your help with the move yesterday, I owe you one.',
        'Great work on the release, the customer feedback has been very positive.',
        'Please join me in welcoming {first} to the {project} team. {first} starts on Monday.',
        'Just wanted to say thanks for covering for me last week.',
      ],
    },
    {
      subjects: ['Invoice {ref} for {month}', 'Re: invoice {ref}', 'Payment received - thank you', 'Purchase order {ref}'],
      bodies: [
        'Please find our invoice {ref} for {month} attached. Payment terms are 30 days as agreed in the contract. Thank you for your business.',
        'We received your payment of {currency}{amount} for invoice {ref}. Thank you.',
        'Accounts payable here: invoice {ref} was approved and will go out with the regular payment run at the end of the month.',
        'Purchase order {ref} is approved. Delivery to the {city} office as usual.',
      ],
    },
    {
      subjects: ['Your order {ref} has shipped', 'Order confirmation {ref}', 'Your receipt from {shop}'],
      bodies: [
        'Good news: your order {ref} is on its way and should arrive within {days} working days. You can follow it in your order history on our website.',
        'Thank you for shopping with {shop}. Your order {ref} total {currency}{amount} has been confirmed.',
        'This is your receipt for order {ref}. Keep it for your records; no action is needed.',
      ],
    },
    {
      subjects: [
        'Planned maintenance on Saturday',
        'IT: new printers on the third floor',
        'Reminder: password policy',
        'Office closed on {date}',
      ],
      bodies: [
        'The file servers will be offline on Saturday from 8 to 12 for planned maintenance. No action is needed from you.',
        'The new printers on the third floor are installed. Print jobs go to the queue named after your floor.',
        'A reminder from IT: never share your password with anyone, including us. We will never ask for it by email.',
        'The office will be closed on {date} for the public holiday. Have a good long weekend.',
      ],
    },
    {
      subjects: ['Re: your question about the API', 'Ticket {ref} resolved', 'Re: support request'],
      bodies: [
        'Thanks for the detailed report. The issue was a timeout in the export job; it is fixed in version 2.4.1.',
        'Your ticket {ref} has been resolved. If the problem comes back, just reply to this message.',
        'You can change the language in Settings > Preferences. Let me know if that does not work.',
      ],
    },
    {
      subjects: ['[{project}] Pull request #{count} merged', '[{project}] build passed', 'Re: [{project}] review comments'],
      bodies: [
        'Merged the pull request into main. The nightly build will pick it up.',
        'All tests passed on the release branch. Tagging tomorrow morning.',
        'I left two small comments on the parser change, otherwise it looks good to me.',
      ],
    },
    {
      subjects: ['{club} newsletter - {month}', 'This month at {club}', 'Our {month} update'],
      bodies: [
        'Here is what happened at {club} this month: the summer tournament, new opening hours and a volunteer evening on {date}. You receive this newsletter as a member; manage your subscription on our website.',
        'Our {month} update: three new courses, a recap of the open day, and photos from the team outing.',
      ],
    },
    {
      subjects: ['Dinner on Sunday', 'Photos from the weekend', 'Happy birthday!', 'Re: holiday plans'],
      bodies: [
        'Mum asked if you are coming for dinner on Sunday. Bring the kids!',
        'Here are the photos from the weekend. The one at the lake came out great.',
        'Happy birthday! Hope you have a wonderful day.',
        'We are thinking of the coast in August again. Let us know if you want to join.',
      ],
    },
    {
      subjects: ['Travel booking for {city}', 'Expense report {month}', 'Conference registration confirmed'],
      bodies: [
        'Your trip to {city} is booked: flight on {date}, hotel for two nights near the venue.',
        'I submitted my expense report for {month}. Receipts are scanned and attached to the claim.',
        'Your registration for the conference is confirmed. Badges can be collected at the entrance.',
      ],
    },
  ],
  de: [
    {
      subjects: ['Mittagessen', 'Besprechung am {date}', 'Protokoll'],
      bodies: [
        'Gehen wir morgen zusammen Mittagessen?',
        'Anbei das Protokoll der Besprechung. Nächster Termin ist am {date}.',
        'Können wir unseren Termin auf Donnerstag verschieben?',
      ],
    },
    {
      subjects: ['Rechnung {ref}', 'Ihre Bestellung {ref}'],
      bodies: [
        'Anbei unsere Rechnung {ref} für {month}. Zahlbar innerhalb von 30 Tagen wie vereinbart.',
        'Vielen Dank für Ihre Bestellung {ref}. Sie wird in {days} Werktagen geliefert.',
      ],
    },
    {
      subjects: ['Danke!', 'Fotos vom Wochenende'],
      bodies: ['Vielen Dank für deine Hilfe gestern!', 'Hier sind die Fotos vom Wochenende.'],
    },
  ],
  fr: [
    {
      subjects: ['Déjeuner', 'Réunion du {date}', 'Compte rendu'],
      bodies: [
        'On déjeune ensemble demain ?',
        'Voici le compte rendu de la réunion. Prochaine réunion le {date}.',
        'Peut-on décaler notre point à jeudi ?',
      ],
    },
    {
      subjects: ['Facture {ref}', 'Votre commande {ref}'],
      bodies: [
        'Veuillez trouver ci-joint notre facture {ref} pour {month}, payable à 30 jours comme convenu.',
        'Merci pour votre commande {ref}. Livraison sous {days} jours ouvrés.',
      ],
    },
    { subjects: ['Merci !', 'Photos du week-end'], bodies: ['Merci beaucoup pour ton aide hier !', 'Voici les photos du week-end.'] },
  ],
  es: [
    {
      subjects: ['Comida', 'Reunión del {date}', 'Acta'],
      bodies: [
        '¿Comemos juntos mañana?',
        'Adjunto el acta de la reunión. La próxima es el {date}.',
        '¿Podemos mover nuestra reunión al jueves?',
      ],
    },
    {
      subjects: ['Factura {ref}', 'Su pedido {ref}'],
      bodies: [
        'Adjuntamos nuestra factura {ref} de {month}, a pagar en 30 días según lo acordado.',
        'Gracias por su pedido {ref}. Llegará en {days} días laborables.',
      ],
    },
  ],
  nl: [
    {
      subjects: ['Lunch', 'Overleg op {date}', 'Notulen'],
      bodies: ['Zullen we morgen samen lunchen?', 'Hierbij de notulen van het overleg. Het volgende overleg is op {date}.'],
    },
    {
      subjects: ['Factuur {ref}', 'Uw bestelling {ref}'],
      bodies: [
        'In de bijlage onze factuur {ref} voor {month}, te betalen binnen 30 dagen zoals afgesproken.',
        'Bedankt voor uw bestelling {ref}. Levering binnen {days} werkdagen.',
      ],
    },
  ],
  it: [
    {
      subjects: ['Pranzo', 'Riunione del {date}', 'Verbale'],
      bodies: ['Pranziamo insieme domani?', 'In allegato il verbale della riunione. La prossima è il {date}.'],
    },
    {
      subjects: ['Fattura {ref}', 'Il tuo ordine {ref}'],
      bodies: [
        'In allegato la nostra fattura {ref} di {month}, pagabile a 30 giorni come concordato.',
        'Grazie per il tuo ordine {ref}. Consegna in {days} giorni lavorativi.',
      ],
    },
  ],
  pt: [
    {
      subjects: ['Almoço', 'Reunião de {date}', 'Ata'],
      bodies: ['Vamos almoçar juntos amanhã?', 'Segue a ata da reunião. A próxima será em {date}.'],
    },
    {
      subjects: ['Fatura {ref}', 'Seu pedido {ref}'],
      bodies: [
        'Segue nossa fatura {ref} de {month}, com pagamento em 30 dias conforme o contrato.',
        'Obrigado pelo seu pedido {ref}. Entrega em {days} dias úteis.',
      ],
    },
  ],
};
